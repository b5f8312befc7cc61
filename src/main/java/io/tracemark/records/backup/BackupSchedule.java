package io.tracemark.records.backup;

import io.tracemark.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's scheduled backups: every {@code interval} and, when asked, at each batch end, one
 * backup into each folder, then the folder pruned to its newest {@code keep}. Runs on a thread of its
 * own and never stops production: a folder that is missing, read-only or full is reported to the
 * {@link Listener} (an alarm on the panel) and tried again at the next run.
 */
public final class BackupSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackupSchedule.class);

    /**
     * The {@code backups:} section of {@code station.yaml}.
     *
     * @param folders    one or more folders (a second disk, a network share)
     * @param interval   time between scheduled backups (zero: only at batch end)
     * @param atBatchEnd also a backup after every batch end
     * @param keep       backups kept per folder
     */
    public record Settings(List<Path> folders, Duration interval, boolean atBatchEnd, int keep) {
        public Settings {
            folders = List.copyOf(folders);
        }
    }

    /** Hears of each folder's backups; called on the backup thread. */
    public interface Listener {
        /** A backup into {@code folder} failed; {@code reason} names the folder and the cause. */
        void failed(Path folder, String reason);

        /** A backup into {@code folder} succeeded (after a failure too). */
        void succeeded(Path folder, BackupManifest backup);
    }

    private final Settings settings;
    private final OnlineBackup backup;
    private final Clock clock;
    private final Listener listener;
    private final Path dataDir;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "backup");
        t.setDaemon(true);
        return t;
    });
    private final Map<Path, Instant> lastGood = new ConcurrentHashMap<>();
    private final Map<Path, String> lastError = new ConcurrentHashMap<>();

    public BackupSchedule(Database db, Settings settings, Clock clock, Listener listener) {
        this.settings = settings;
        this.backup = new OnlineBackup(db, clock);
        this.clock = clock;
        this.listener = listener;
        this.dataDir = db.file().getParent().toAbsolutePath();
        for (Path folder : settings.folders()) {
            new BackupFolder(folder).list().stream().reduce((a, b) -> b)
                    .ifPresent(newest -> lastGood.put(folder, newest.takenAt()));
        }
    }

    /** Starts the interval schedule (the first backup one interval from now). */
    public BackupSchedule start() {
        if (!settings.interval().isZero()) {
            long ms = settings.interval().toMillis();
            thread.scheduleWithFixedDelay(this::runOnce, ms, ms, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** A batch ended: a backup now, when the settings ask for one (returns at once). */
    public void batchEnded(String job) {
        if (settings.atBatchEnd()) {
            LOG.info("batch {} ended: backup of the station database", job);
            thread.execute(this::runOnce);
        }
    }

    /** A backup now into every folder (returns at once; the listener hears of the results). */
    public void requestNow() {
        thread.execute(this::runOnce);
    }

    private void runOnce() {
        for (Path folder : settings.folders()) {
            try {
                if (folder.toAbsolutePath().startsWith(dataDir)) {
                    Files.createDirectories(folder); // inside the data directory: made; another disk must be mounted
                }
                BackupManifest taken = backup.into(folder);
                new BackupFolder(folder).prune(settings.keep());
                lastGood.put(folder, taken.takenAt());
                lastError.remove(folder);
                LOG.info("backup {} in {}: {} bytes, {} s", taken.name(), folder, taken.bytes(),
                        String.format("%.2f", taken.seconds()));
                listener.succeeded(folder, taken);
            } catch (IOException | RuntimeException e) {
                String reason = e.getMessage() != null ? e.getMessage() : e.toString();
                boolean first = !reason.equals(lastError.put(folder, reason));
                if (first) {
                    LOG.warn("backup into {} failed: {}", folder, reason);
                    listener.failed(folder, reason);
                }
            }
        }
    }

    /** The newest good backup in any folder, when there is one. */
    public Optional<Instant> lastGood() {
        return lastGood.values().stream().max(Instant::compareTo);
    }

    /** For the station's status: per folder the last good backup and its age, and the last error. */
    public Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("configured", true);
        Instant now = clock.instant();
        status.put("lastGood", lastGood().map(Instant::toString).orElse(null));
        status.put("lastGoodAgeSeconds", lastGood().map(t -> Duration.between(t, now).toSeconds()).orElse(null));
        Map<String, Object> folders = new LinkedHashMap<>();
        for (Path folder : settings.folders()) {
            Map<String, Object> f = new LinkedHashMap<>();
            Instant good = lastGood.get(folder);
            f.put("lastGood", good == null ? null : good.toString());
            f.put("lastGoodAgeSeconds", good == null ? null : Duration.between(good, now).toSeconds());
            f.put("error", lastError.get(folder));
            folders.put(folder.toString(), f);
        }
        status.put("folders", folders);
        return status;
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.tracemark.records.archive;

import io.tracemark.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's scheduled archive runs ({@link ArchiveRun}) on a thread of their own, every
 * {@code interval}: production never waits for them (the live rows of a job are deleted in small
 * transactions) and a run that fails is reported to the listener (a warning alarm) and tried again at the
 * next interval; its rows stay live.
 */
public final class ArchiveSchedule implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ArchiveSchedule.class);

    private final Database db;
    private final Duration archiveAfter;
    private final Duration interval;
    private final Clock clock;
    private final BiConsumer<String, String> failed;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "archive");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    private volatile Instant lastRun;
    private volatile String lastError;
    private volatile ArchiveRun.Result lastResult;

    /**
     * @param failed hears of a failed run: the alarm cause's detail and the reason
     */
    public ArchiveSchedule(Database db, Duration archiveAfter, Duration interval, Clock clock,
                           BiConsumer<String, String> failed) {
        this.db = db;
        this.archiveAfter = archiveAfter;
        this.interval = interval;
        this.clock = clock;
        this.failed = failed;
    }

    /** Starts the schedule: a first run one minute after start, then every interval. */
    public ArchiveSchedule start() {
        thread.scheduleWithFixedDelay(this::runOnce, Math.min(60_000, interval.toMillis()), interval.toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    private void runOnce() {
        try {
            ArchiveRun.Result r = new ArchiveRun(db, archiveAfter, clock, ArchiveRun.Steps.NONE).run();
            lastResult = r;
            lastError = null;
            if (r.jobsMoved() > 0) {
                LOG.info("archive: {} jobs ({} units) moved into {} archive files", r.jobsMoved(), r.unitsMoved(),
                        r.archives().size());
            }
        } catch (RuntimeException e) {
            String reason = e.getMessage() != null ? e.getMessage() : e.toString();
            if (!reason.equals(lastError)) {
                LOG.warn("archive run failed: {}", reason);
                failed.accept(db.file().getParent().resolve(ArchiveFolder.NAME).toString(), reason);
            }
            lastError = reason;
        } finally {
            lastRun = clock.instant();
        }
    }

    /** For the station's status: when the last run was, what it moved, its error. */
    public Map<String, Object> status() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("configured", true);
        status.put("archiveAfterDays", archiveAfter.toDays());
        status.put("lastRun", lastRun == null ? null : lastRun.toString());
        ArchiveRun.Result r = lastResult;
        status.put("lastJobsMoved", r == null ? null : r.jobsMoved());
        status.put("error", lastError);
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

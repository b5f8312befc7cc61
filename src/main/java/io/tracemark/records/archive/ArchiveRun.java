package io.tracemark.records.archive;

import io.tracemark.core.StorageException;
import io.tracemark.store.AuditLog;
import io.tracemark.store.Database;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One archive run: finished jobs whose month of end lies wholly more than {@code archiveAfter} in the past
 * move from the live database into one new archive file per month. The order makes a kill at any moment
 * lose and duplicate nothing:
 * <ol>
 *   <li>partial files of a killed run are removed; archive files the live database never registered
 *       (their rows are all still live) are set aside in {@code orphaned/};</li>
 *   <li>registered archives whose jobs are not yet moved out, or moved out with live rows left, are
 *       finished ({@link LiveRowsMove});</li>
 *   <li>per month: the file written, verified, synced, made read-only, with its manifest
 *       ({@link ArchiveWriter}); then registered in {@code archives} with an audit entry (one
 *       transaction); then each job marked archived and its live rows deleted.</li>
 * </ol>
 * A reader takes a job from its archive exactly when the live job row names it ({@code archived_in}).
 */
public final class ArchiveRun {

    /** Where a run has got to, for {@link Steps}. */
    public enum Step { WRITTEN, RENAMED, MANIFEST, REGISTERED, JOB_MARKED, JOB_PURGED }

    /** Hears of each step as it is passed (a test kills the process there); {@link #NONE} in production. */
    @FunctionalInterface
    public interface Steps {
        Steps NONE = (step, name) -> { };

        void reached(Step step, String name);
    }

    /**
     * What a run did.
     *
     * @param archives    the archive files written
     * @param jobsMoved   jobs moved out of the live database (also those of earlier, interrupted runs)
     * @param unitsMoved  units in the files written
     * @param heldLive    jobs that stay live for now (they hold a table's highest id)
     * @param setAside    files of interrupted runs set aside in {@code orphaned/}
     */
    public record Result(List<ArchiveManifest> archives, int jobsMoved, long unitsMoved, List<String> heldLive,
                         List<String> setAside) {

        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("archives", archives.stream().map(ArchiveManifest::fields).toList());
            m.put("jobsMoved", jobsMoved);
            m.put("unitsMoved", unitsMoved);
            m.put("heldLive", heldLive);
            m.put("setAside", setAside);
            return m;
        }
    }

    private final Database db;
    private final ArchiveFolder folder;
    private final Duration archiveAfter;
    private final Clock clock;
    private final Steps steps;
    private final LiveRowsMove move;

    public ArchiveRun(Database db, Duration archiveAfter, Clock clock, Steps steps) {
        this.db = db;
        this.folder = new ArchiveFolder(db.file().getParent());
        this.archiveAfter = archiveAfter;
        this.clock = clock;
        this.steps = steps;
        this.move = new LiveRowsMove(db);
    }

    /** Runs once; throws StorageException naming the file and cause when a step fails (nothing is lost then). */
    public Result run() {
        try (ArchiveFolder.Lock lock = folder.lock()) {
            List<String> setAside = cleanUp();
            Set<String> pending = new LinkedHashSet<>();
            int moved = finish(pending);
            List<String> held = new ArrayList<>(pending);
            List<ArchiveManifest> written = new ArrayList<>();
            long units = 0;
            for (Map.Entry<String, List<String>> month : dueMonths(pending).entrySet()) {
                Instant now = clock.instant();
                var manifest = new ArchiveWriter(db.file(), folder, steps).write(month.getKey(), month.getValue(), now);
                if (manifest.isEmpty()) {
                    held.addAll(month.getValue());
                    continue;
                }
                ArchiveManifest m = manifest.get();
                register(m);
                steps.reached(Step.REGISTERED, m.name());
                written.add(m);
                units += m.units();
                for (String job : m.jobs()) {
                    if (moveJob(job, m.name())) {
                        moved++;
                    } else {
                        held.add(job);
                    }
                }
                month.getValue().stream().filter(j -> !m.jobs().contains(j)).forEach(held::add);
            }
            return new Result(written, moved, units, List.copyOf(new LinkedHashSet<>(held)), setAside);
        } catch (IOException e) {
            throw new StorageException("archive run in " + folder.path() + " failed: " + e.getMessage(), e);
        }
    }

    private boolean moveJob(String job, String archive) {
        Path file = folder.databaseOf(archive);
        Map<String, List<Long>> rows = LiveRowsMove.rowsIn(file, job);
        if (!move.mark(job, archive, file, rows)) {
            return false;
        }
        steps.reached(Step.JOB_MARKED, job);
        move.purge(rows);
        steps.reached(Step.JOB_PURGED, job);
        return true;
    }

    /** Removes partials; sets aside archive files the live database did not register. */
    private List<String> cleanUp() throws IOException {
        folder.removePartials();
        Set<String> registered = new LinkedHashSet<>(Archives.registeredNames(db));
        List<String> aside = new ArrayList<>();
        for (String name : folder.namesPresent()) {
            if (!registered.contains(name)) {
                folder.setAside(name);
                aside.add(name);
            }
        }
        return aside;
    }

    /** Completes the moves of registered archives; {@code pending} receives the jobs that stay live for now. */
    private int finish(Set<String> pending) {
        int moved = 0;
        for (Archives.Entry archive : Archives.registered(db)) {
            if (archive.deleted()) {
                continue;
            }
            ArchiveManifest m = folder.manifest(archive.name()).orElseThrow(() -> new StorageException(
                    "the archive " + archive.name() + " is registered but its manifest is missing in " + folder.path()));
            for (String job : m.jobs()) {
                String in = Archives.archiveOf(db, job).orElse(null);
                if (in == null) {
                    if (moveJob(job, m.name())) {
                        moved++;
                    } else {
                        pending.add(job);
                    }
                } else if (in.equals(m.name()) && move.leftovers(job)) {
                    move.purge(LiveRowsMove.rowsIn(folder.databaseOf(m.name()), job));
                    steps.reached(Step.JOB_PURGED, job);
                }
            }
        }
        return moved;
    }

    /** Jobs due for archiving, by month of end (oldest first), without those already in an archive. */
    private Map<String, List<String>> dueMonths(Set<String> pending) {
        Instant boundary = YearMonth.from(clock.instant().minus(archiveAfter).atOffset(ZoneOffset.UTC))
                .atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return db.read(conn -> {
            Map<String, List<String>> months = new LinkedHashMap<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT id, strftime('%Y-%m', ended_at / 1000, 'unixepoch') "
                    + "FROM jobs WHERE ended_at IS NOT NULL AND ended_at < ? AND archived_in IS NULL ORDER BY ended_at, rowid")) {
                ps.setLong(1, boundary.toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (!pending.contains(rs.getString(1))) {
                            months.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(rs.getString(1));
                        }
                    }
                }
            }
            return months;
        });
    }

    private void register(ArchiveManifest m) {
        AuditLog audit = new AuditLog(db, clock);
        db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO archives (name, month, sha256, bytes, jobs, units, "
                    + "transitions, archived_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, m.name());
                ps.setString(2, m.month());
                ps.setString(3, m.sha256());
                ps.setLong(4, m.bytes());
                ps.setLong(5, m.jobs().size());
                ps.setLong(6, m.units());
                ps.setLong(7, m.counts().getOrDefault("transitions", 0L));
                ps.setLong(8, m.writtenAt().toEpochMilli());
                ps.executeUpdate();
            }
            audit.record(conn, "system", "records.archived", "archive " + m.name() + " (jobs ended " + m.month() + "): "
                    + m.jobs().size() + " jobs, " + m.units() + " units, sha256 " + m.sha256());
            return null;
        });
    }
}

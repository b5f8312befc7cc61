package io.tracemark.records.backup;

import io.tracemark.ledger.CodeLedger;
import io.tracemark.store.Database;
import io.tracemark.store.LedgerMarks;
import io.tracemark.store.Marks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a restore, the codes the replaced database may have sent after the backup was taken are
 * QUARANTINED in the restored one, so that no label is printed twice:
 * <ul>
 *   <li>when the replaced database (moved aside) can still be read: every code it holds as sent (SENT,
 *       VERIFIED, REJECTED, VOIDED), returned or quarantined, changed since the backup, that the restored
 *       database holds as AVAILABLE or ALLOCATED;</li>
 *   <li>otherwise, from the replaced witness's high-water marks: every code still ALLOCATED to a job whose
 *       witnessed last SENT unit is beyond the restored one, and, for the units the witness counts beyond the
 *       backup that those do not cover, as many of the next AVAILABLE codes of each scheme (allocation takes
 *       the lowest ids first).</li>
 * </ul>
 */
final class RestoreQuarantine {

    private static final Logger LOG = LoggerFactory.getLogger(RestoreQuarantine.class);
    /** Codes changed this long before the backup's time are looked at too (clocks, the copy's duration). */
    private static final long MARGIN_MS = 60_000;

    private RestoreQuarantine() {
    }

    static List<String> apply(Database db, BackupManifest backup, Optional<Path> replaced, Marks replacedMarks,
                              String actor, Clock clock) {
        Optional<List<String>> sent = replaced.flatMap(dir -> sentInReplaced(dir.resolve(Database.FILE_NAME),
                backup.takenAt().toEpochMilli() - MARGIN_MS));
        List<String> candidates = sent.orElseGet(() -> replacedMarks == null ? List.of() : fromMarks(db, replacedMarks));
        if (candidates.isEmpty()) {
            return List.of();
        }
        String reason = "restore of backup " + backup.name() + ": may have been sent by the replaced database"
                + (sent.isPresent() ? "" : " (its witness counts units beyond the backup)");
        return new CodeLedger(db, db, clock).quarantine(candidates, reason, actor);
    }

    /** Codes the replaced database holds as sent (or otherwise used) since {@code since}; empty when it cannot be read. */
    private static Optional<List<String>> sentInReplaced(Path file, long since) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (Connection conn = BackupFiles.readOnly(file);
             PreparedStatement ps = conn.prepareStatement("SELECT code FROM codes WHERE updated_at >= ? AND state IN "
                     + "('SENT', 'VERIFIED', 'REJECTED', 'VOIDED', 'RETURNED', 'QUARANTINED') ORDER BY id")) {
            ps.setLong(1, since);
            List<String> codes = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
            return Optional.of(codes);
        } catch (SQLException | RuntimeException unreadable) {
            LOG.warn("the replaced database {} cannot be read ({}); codes are quarantined from its witness's marks", file,
                    unreadable.getMessage());
            return Optional.empty();
        }
    }

    private static List<String> fromMarks(Database db, Marks witnessed) {
        return db.read(conn -> {
            Marks restored = LedgerMarks.of(conn, witnessed);
            Set<String> codes = new LinkedHashSet<>();
            for (Map.Entry<String, Long> job : witnessed.jobSent().entrySet()) {
                if (restored.jobSent().getOrDefault(job.getKey(), 0L) < job.getValue()) {
                    codes.addAll(strings(conn, "SELECT code FROM codes WHERE job_id = ? AND state = 'ALLOCATED' ORDER BY id",
                            job.getKey(), -1));
                }
            }
            long uncovered = witnessed.units() - restored.units() - codes.size();
            if (uncovered > 0) {
                for (String scheme : strings(conn, "SELECT DISTINCT scheme FROM codes WHERE state = 'AVAILABLE'", null, -1)) {
                    codes.addAll(strings(conn, "SELECT code FROM codes WHERE state = 'AVAILABLE' AND scheme = ? ORDER BY id "
                            + "LIMIT ?", scheme, uncovered));
                }
            }
            return List.copyOf(codes);
        });
    }

    private static List<String> strings(Connection conn, String sql, String arg, long limit) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            int i = 1;
            if (arg != null) {
                ps.setString(i++, arg);
            }
            if (limit >= 0) {
                ps.setLong(i, limit);
            }
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        }
    }
}

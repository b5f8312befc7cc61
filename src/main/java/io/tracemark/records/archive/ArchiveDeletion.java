package io.tracemark.records.archive;

import io.tracemark.core.StorageException;
import io.tracemark.store.AuditLog;
import io.tracemark.store.Database;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Period;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;

/**
 * {@code archive delete --before MONTH --by ADMIN --reason TEXT}: the explicit deletion of archives whose
 * jobs ended before {@code MONTH}, by an administrator, audited. Guideline 7.1.3 keeps trace records at
 * least three years: an archive whose month ended less than {@link #KEPT} ago is never deleted, and the
 * command is refused whole. The deletion is registered (who, when, why) and audited before the files go.
 */
public final class ArchiveDeletion {

    /** How long archives are kept at least (guideline 7.1.3). */
    public static final Period KEPT = Period.ofYears(3);

    private ArchiveDeletion() {
    }

    /**
     * Deletes the archives of months before {@code before}.
     *
     * @return the archives deleted (empty when none was older)
     * @throws IllegalArgumentException when {@code by} is not an enabled administrator, the reason is blank, or
     *                                  an archive of those months is younger than three years
     */
    public static List<Archives.Entry> deleteBefore(Database db, YearMonth before, String by, String reason, Clock clock) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("archive delete: --reason must say why the archives are deleted");
        }
        requireAdmin(db, by);
        YearMonth earliestAllowed = YearMonth.from(clock.instant().atOffset(ZoneOffset.UTC)).minus(KEPT);
        // a deleted archive whose file could not be removed last time is taken again
        List<Archives.Entry> due = Archives.registered(db).stream()
                .filter(e -> YearMonth.parse(e.month()).isBefore(before)).toList();
        for (Archives.Entry e : due) {
            YearMonth month = YearMonth.parse(e.month());
            if (!month.isBefore(earliestAllowed)) {
                throw new IllegalArgumentException("archive delete: " + e.name() + " holds jobs that ended in " + month
                        + "; trace records are kept at least 3 years (guideline 7.1.3), so it may be deleted from "
                        + month.plus(KEPT).plusMonths(1).atDay(1) + " on; nothing was deleted");
            }
        }
        AuditLog audit = new AuditLog(db, clock);
        long now = clock.millis();
        db.inTransaction(conn -> {
            for (Archives.Entry e : due.stream().filter(d -> !d.deleted()).toList()) {
                try (PreparedStatement ps = conn.prepareStatement("UPDATE archives SET deleted_at = ?, deleted_by = ?, "
                        + "delete_reason = ? WHERE name = ?")) {
                    ps.setLong(1, now);
                    ps.setString(2, by);
                    ps.setString(3, reason);
                    ps.setString(4, e.name());
                    ps.executeUpdate();
                }
                audit.record(conn, by, "records.archive-deleted", "archive " + e.name() + " (jobs ended " + e.month() + ", "
                        + e.jobs() + " jobs, " + e.units() + " units, sha256 " + e.sha256() + "); reason: " + reason);
            }
            return null;
        });
        ArchiveFolder folder = new ArchiveFolder(db.file().getParent());
        try {
            for (Archives.Entry e : due) {
                folder.delete(e.name());
            }
        } catch (IOException e) {
            throw new StorageException("the deletion is recorded, but a file could not be removed from " + folder.path()
                    + ": " + e.getMessage() + " (run archive delete again)", e);
        }
        return Archives.registered(db).stream().filter(e -> due.stream().anyMatch(d -> d.name().equals(e.name()))).toList();
    }

    private static void requireAdmin(Database db, String by) {
        String role = db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT role FROM users WHERE id = ? AND enabled = 1")) {
                ps.setString(1, by);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
        if (!"ADMIN".equals(role)) {
            throw new IllegalArgumentException("archive delete: --by " + by + " is " + (role == null
                    ? "not an enabled user of this station" : "a " + role.toLowerCase(java.util.Locale.ROOT))
                    + "; only an administrator may delete archives");
        }
    }
}

package io.tracemark.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads the {@link Marks} a database holds. Each mark is the maximum of an indexed key, so reading
 * them costs a few B-tree descents; the units SENT since the last reading are found by their ids.
 * Archiving (the records package) never moves the rows holding a table's highest id, so the
 * maxima stay; an archived job's last unit is kept in {@code jobs.archived_last_seq}.
 */
public final class LedgerMarks {

    private LedgerMarks() {
    }

    /**
     * The marks of the database as seen on {@code conn}, with the last SENT unit of each job named
     * in {@code witnessed} (0 for a job it does not know).
     */
    public static Marks of(Connection conn, Marks witnessed) throws SQLException {
        Map<String, Long> jobs = new LinkedHashMap<>();
        for (String job : witnessed.jobSent().keySet()) {
            jobs.put(job, lastSeq(conn, job));
        }
        return new Marks(max(conn, "units"), max(conn, "outbox"), max(conn, "transitions"), max(conn, "audit_log"),
                lastJob(conn), jobs);
    }

    /** Whether the job exists in the database. */
    public static boolean hasJob(Connection conn, String job) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT 1 FROM jobs WHERE id = ?")) {
            ps.setString(1, job);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    /**
     * The marks after a commit, from the marks before it: the per-table maxima read again, the
     * units SENT since {@code before.units()} added per job.
     */
    static Marks after(StatementCache statements, Connection conn, Marks before) throws SQLException {
        Map<String, Long> jobs = new LinkedHashMap<>();
        // the rows themselves, by rowid (a GROUP BY would scan the whole (job_id, seq) index)
        PreparedStatement sent = statements.get(conn, "SELECT job_id, seq FROM units WHERE id > ?");
        sent.setLong(1, before.units());
        try (ResultSet rs = sent.executeQuery()) {
            while (rs.next()) {
                jobs.merge(rs.getString(1), rs.getLong(2), Math::max);
            }
        }
        PreparedStatement maxima = statements.get(conn, "SELECT (SELECT max(id) FROM units), "
                + "(SELECT max(id) FROM outbox), (SELECT max(id) FROM transitions), (SELECT max(id) FROM audit_log), "
                + "(SELECT id FROM jobs ORDER BY rowid DESC LIMIT 1)");
        try (ResultSet rs = maxima.executeQuery()) {
            rs.next();
            String lastJob = rs.getString(5);
            return before.max(new Marks(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                    lastJob == null ? "" : lastJob, jobs));
        }
    }

    private static long max(Connection conn, String table) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT coalesce(max(id), 0) FROM " + table);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String lastJob(Connection conn) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM jobs ORDER BY rowid DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getString(1) : "";
        }
    }

    private static long lastSeq(Connection conn, String job) throws SQLException {
        String archived = hasArchivedSeq(conn)
                ? "(SELECT coalesce(archived_last_seq, 0) FROM jobs WHERE id = ?1)" : "0";
        try (PreparedStatement ps = conn.prepareStatement("SELECT max(coalesce((SELECT max(seq) FROM units WHERE job_id = ?1), 0), "
                + "coalesce(" + archived + ", 0))")) {
            ps.setString(1, job);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** Whether the jobs table has {@code archived_last_seq} (a copy made before that migration has not). */
    private static boolean hasArchivedSeq(Connection conn) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT count(*) FROM pragma_table_info('jobs') WHERE name = 'archived_last_seq'");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getLong(1) > 0;
        }
    }
}

package io.tracemark.ledger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Counts one job's codes and units into a {@link Reconciliation} (see there for the definitions). */
final class Accounting {

    private final Connection conn;
    private final Job job;

    Accounting(Connection conn, Job job) {
        this.conn = conn;
        this.job = job;
    }

    Reconciliation reconcile() throws SQLException {
        String id = job.id();
        UnitCounts units = unitCounts();
        long sent = units.sent();
        long verified = units.verified();
        long rejected = units.rejected();
        long voided = units.voided();
        long unitsInFlight = units.inFlight();
        long allocated;
        long inFlight;
        long released;
        long duplicates = 0;
        if (job.traceLevel().sharesCodeAcrossUnits()) {
            long planned = job.quantity();
            allocated = Math.max(planned, sent);
            inFlight = unitsInFlight + (job.state() == JobState.OPEN ? Math.max(0, planned - sent) : 0);
            released = count("SELECT released_units FROM jobs WHERE id = ?");
        } else {
            allocated = count("SELECT count(*) FROM transitions WHERE job_id = ? "
                    + "AND from_state = 'AVAILABLE' AND to_state = 'ALLOCATED'");
            released = count("SELECT count(*) FROM transitions WHERE job_id = ? "
                    + "AND from_state = 'ALLOCATED' AND to_state = 'AVAILABLE'");
            inFlight = unitsInFlight + count("SELECT count(*) FROM codes WHERE job_id = ? AND state = 'ALLOCATED'");
            duplicates = count("SELECT coalesce(sum(n - 1), 0) FROM (SELECT count(*) AS n FROM units v "
                    + "WHERE v.state = 'VERIFIED' AND v.code_id IN (SELECT code_id FROM units WHERE job_id = ?) "
                    + "GROUP BY v.code_id HAVING count(*) > 1)");
        }
        return Reconciliation.of(id, job.traceLevel(), job.state(), allocated, sent, verified, rejected, voided,
                inFlight, released, duplicates, units.perSecond());
    }

    /** Units of the job by state and their time span, in one pass over the job's units. */
    private record UnitCounts(long sent, long verified, long rejected, long voided, long inFlight, long firstSent,
                              long lastVerdict, long done) {

        double perSecond() {
            if (done == 0 || lastVerdict <= firstSent) {
                return 0;
            }
            return Math.round(done * 1000.0 / (lastVerdict - firstSent) * 10) / 10.0;
        }
    }

    private UnitCounts unitCounts() throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT count(*), total(state = 'VERIFIED'), "
                + "total(state = 'REJECTED'), total(state = 'VOIDED'), total(state = 'SENT'), "
                + "coalesce(min(sent_at), 0), coalesce(max(verdict_at), 0), count(verdict_at) "
                + "FROM units WHERE job_id = ?")) {
            ps.setString(1, job.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new UnitCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8));
            }
        }
    }

    private long count(String sql) throws SQLException {
        return LedgerQueries.number(conn, sql, job.id());
    }
}

package io.tracemark.ledger;

import java.sql.Connection;
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
        long sent = count("SELECT count(*) FROM units WHERE job_id = ?");
        long verified = count("SELECT count(*) FROM units WHERE job_id = ? AND state = 'VERIFIED'");
        long rejected = count("SELECT count(*) FROM units WHERE job_id = ? AND state = 'REJECTED'");
        long voided = count("SELECT count(*) FROM units WHERE job_id = ? AND state = 'VOIDED'");
        long unitsInFlight = count("SELECT count(*) FROM units WHERE job_id = ? AND state = 'SENT'");
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
                inFlight, released, duplicates, unitsPerSecond());
    }

    private double unitsPerSecond() throws SQLException {
        long first = count("SELECT coalesce(min(sent_at), 0) FROM units WHERE job_id = ?");
        long last = count("SELECT coalesce(max(verdict_at), 0) FROM units WHERE job_id = ?");
        long done = count("SELECT count(*) FROM units WHERE job_id = ? AND verdict_at IS NOT NULL");
        if (done == 0 || last <= first) {
            return 0;
        }
        return Math.round(done * 1000.0 / (last - first) * 10) / 10.0;
    }

    private long count(String sql) throws SQLException {
        return LedgerQueries.number(conn, sql, job.id());
    }
}

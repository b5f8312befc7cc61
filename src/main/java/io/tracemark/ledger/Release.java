package io.tracemark.ledger;

import io.tracemark.core.CodeState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** What ending a job gives back, inside the caller's transaction. */
final class Release {

    private final LedgerRows rows;

    Release(LedgerRows rows) {
        this.rows = rows;
    }

    /** Item level: every code still ALLOCATED to the job goes back to AVAILABLE. */
    long allocatedCodes(Connection conn, LedgerRows.JobRow job, String actor, long now) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(
                "SELECT id FROM codes WHERE job_id = ? AND state = 'ALLOCATED' ORDER BY id")) {
            ps.setString(1, job.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        for (long id : ids) {
            rows.setCodeState(conn, id, CodeState.ALLOCATED, CodeState.AVAILABLE, null, now);
            rows.transition(conn, id, null, CodeState.ALLOCATED, CodeState.AVAILABLE, job.id(), actor, "released at job end", now);
        }
        return ids.size();
    }

    /**
     * Batch level: the planned units never sent are released; the shared code itself goes back to
     * AVAILABLE when no unit was printed with it.
     */
    long sharedCode(Connection conn, LedgerRows.JobRow job, String actor, long now) throws SQLException {
        long units;
        try (PreparedStatement ps = conn.prepareStatement("SELECT count(*) FROM units WHERE job_id = ?")) {
            ps.setString(1, job.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                units = rs.getLong(1);
            }
        }
        if (job.sharedCodeId() != null && units == 0) {
            rows.setCodeState(conn, job.sharedCodeId(), CodeState.ALLOCATED, CodeState.AVAILABLE, null, now);
            rows.transition(conn, job.sharedCodeId(), null, CodeState.ALLOCATED, CodeState.AVAILABLE, job.id(), actor,
                    "shared code unused at job end", now);
        }
        return Math.max(0, job.quantity() - units);
    }
}

package io.tracemark.ledger;

import io.tracemark.core.CodeState;
import io.tracemark.core.TraceLevel;
import io.tracemark.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** Row-level reads and writes of the ledger tables, inside the caller's write transaction. */
final class LedgerRows {

    record JobRow(String id, TraceLevel level, int quantity, JobState state, Long sharedCodeId) {
    }

    record CodeRow(long id, String code, String scheme, CodeState state, String jobId) {
    }

    record UnitRow(long id, String jobId, long codeId, int seq, CodeState state, String code, TraceLevel level) {
    }

    private final Database db;

    LedgerRows(Database db) {
        this.db = db;
    }

    JobRow job(Connection conn, String jobId) throws SQLException {
        PreparedStatement ps = db.prepared(conn,
                "SELECT trace_level, quantity, state, shared_code_id FROM jobs WHERE id = ?");
        ps.setString(1, jobId);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new LedgerException("job " + jobId + " does not exist");
            }
            long shared = rs.getLong(4);
            Long sharedCodeId = rs.wasNull() ? null : shared;
            return new JobRow(jobId, TraceLevel.valueOf(rs.getString(1)), rs.getInt(2),
                    JobState.valueOf(rs.getString(3)), sharedCodeId);
        }
    }

    JobRow openJob(Connection conn, String jobId) throws SQLException {
        JobRow job = job(conn, jobId);
        if (job.state() != JobState.OPEN) {
            throw new LedgerException("job " + jobId + " has ended; it takes no more codes or units");
        }
        return job;
    }

    CodeRow code(Connection conn, String code) throws SQLException {
        PreparedStatement ps = db.prepared(conn, "SELECT id, scheme, state, job_id FROM codes WHERE code = ?");
        ps.setString(1, code);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new LedgerException("code " + code + " is not in the ledger");
            }
            return new CodeRow(rs.getLong(1), code, rs.getString(2), CodeState.valueOf(rs.getString(3)), rs.getString(4));
        }
    }

    UnitRow unit(Connection conn, long unitId) throws SQLException {
        PreparedStatement ps = db.prepared(conn, "SELECT u.job_id, u.code_id, u.seq, u.state, c.code, j.trace_level "
                + "FROM units u JOIN codes c ON c.id = u.code_id JOIN jobs j ON j.id = u.job_id WHERE u.id = ?");
        ps.setLong(1, unitId);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                throw new LedgerException("unit " + unitId + " does not exist");
            }
            return new UnitRow(unitId, rs.getString(1), rs.getLong(2), rs.getInt(3), CodeState.valueOf(rs.getString(4)),
                    rs.getString(5), TraceLevel.valueOf(rs.getString(6)));
        }
    }

    void setCodeState(Connection conn, long codeId, CodeState expected, CodeState state, String jobId, long now)
            throws SQLException {
        PreparedStatement ps = db.prepared(conn,
                "UPDATE codes SET state = ?, job_id = ?, updated_at = ? WHERE id = ? AND state = ?");
        ps.setString(1, state.name());
        ps.setString(2, jobId);
        ps.setLong(3, now);
        ps.setLong(4, codeId);
        ps.setString(5, expected.name());
        if (ps.executeUpdate() != 1) {
            throw new SQLException("code row " + codeId + " was not in state " + expected + " any more");
        }
    }

    /**
     * Item level, the usual send: the code goes ALLOCATED -> SENT if it is ALLOCATED to the job.
     *
     * @return the code's row id, or null when the code is not ALLOCATED to the job (nothing changed)
     */
    Long markAllocatedCodeSent(Connection conn, String code, String jobId, long now) throws SQLException {
        PreparedStatement ps = db.prepared(conn, "UPDATE codes SET state = 'SENT', updated_at = ? "
                + "WHERE code = ? AND state = 'ALLOCATED' AND job_id = ? RETURNING id");
        ps.setLong(1, now);
        ps.setString(2, code);
        ps.setString(3, jobId);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }

    /** Codes just read as AVAILABLE (ids ascending) go to ALLOCATED for the job, with their transitions. */
    void allocate(Connection conn, List<Long> codeIds, String jobId, String actor, long now) throws SQLException {
        String ids = codeIds.toString(); // [1, 2, 3]: a JSON array
        PreparedStatement update = db.prepared(conn, "UPDATE codes SET state = 'ALLOCATED', job_id = ?, updated_at = ? "
                + "WHERE id IN (SELECT value FROM json_each(?)) AND state = 'AVAILABLE'");
        update.setString(1, jobId);
        update.setLong(2, now);
        update.setString(3, ids);
        int updated = update.executeUpdate();
        if (updated != codeIds.size()) {
            throw new SQLException("allocating " + codeIds.size() + " codes to job " + jobId + ": only " + updated
                    + " were still AVAILABLE");
        }
        PreparedStatement insert = db.prepared(conn, "INSERT INTO transitions "
                + "(code_id, unit_id, from_state, to_state, job_id, actor, reason, at) "
                + "SELECT value, NULL, 'AVAILABLE', 'ALLOCATED', ?, ?, NULL, ? FROM json_each(?) ORDER BY key");
        insert.setString(1, jobId);
        insert.setString(2, actor);
        insert.setLong(3, now);
        insert.setString(4, ids);
        insert.executeUpdate();
    }

    record NewUnit(long id, int seq) {
    }

    /** A new unit SENT with the code, numbered after the job's last unit. */
    NewUnit insertUnit(Connection conn, String jobId, long codeId, long now) throws SQLException {
        PreparedStatement ps = db.prepared(conn, "INSERT INTO units (job_id, code_id, seq, state, sent_at) "
                + "SELECT ?, ?, coalesce(max(seq), 0) + 1, 'SENT', ? FROM units WHERE job_id = ? RETURNING id, seq");
        ps.setString(1, jobId);
        ps.setLong(2, codeId);
        ps.setLong(3, now);
        ps.setString(4, jobId);
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return new NewUnit(rs.getLong(1), rs.getInt(2));
        }
    }

    /**
     * The verdict of a unit still SENT, in one statement that also reads what the verdict's
     * transition and event need.
     *
     * @return the unit as it was (state SENT), or null when it does not exist or is not SENT (nothing changed)
     */
    UnitRow settleUnit(Connection conn, long unitId, CodeState state, String reason, String grade, long now)
            throws SQLException {
        PreparedStatement ps = db.prepared(conn, "UPDATE units SET state = ?, reason = ?, grade = ?, verdict_at = ? "
                + "WHERE id = ? AND state = 'SENT' RETURNING job_id, code_id, seq, "
                + "(SELECT code FROM codes WHERE id = code_id), (SELECT trace_level FROM jobs WHERE id = job_id)");
        ps.setString(1, state.name());
        ps.setString(2, reason);
        ps.setString(3, grade);
        ps.setLong(4, now);
        ps.setLong(5, unitId);
        try (ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            return new UnitRow(unitId, rs.getString(1), rs.getLong(2), rs.getInt(3), CodeState.SENT, rs.getString(4),
                    TraceLevel.valueOf(rs.getString(5)));
        }
    }

    void transition(Connection conn, long codeId, Long unitId, CodeState from, CodeState to, String jobId,
                    String actor, String reason, long now) throws SQLException {
        PreparedStatement ps = db.prepared(conn, "INSERT INTO transitions "
                + "(code_id, unit_id, from_state, to_state, job_id, actor, reason, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
        ps.setLong(1, codeId);
        if (unitId == null) {
            ps.setNull(2, Types.INTEGER);
        } else {
            ps.setLong(2, unitId);
        }
        ps.setString(3, from.name());
        ps.setString(4, to.name());
        ps.setString(5, jobId);
        ps.setString(6, actor);
        ps.setString(7, reason);
        ps.setLong(8, now);
        ps.executeUpdate();
    }
}

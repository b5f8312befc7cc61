package io.tracemark.ledger;

import io.tracemark.store.AuditLog;
import io.tracemark.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The reject gates' counts per job ({@code job_gate_counts}): the PLC's reject counter when the job's
 * window opened and closed, and the station's own fires in between, one row per job and gate. Each
 * write is its own transaction, made by the gate's command thread in order with its fires.
 */
public final class GateCounts {

    private final Database db;
    private final AuditLog audit;
    private final Clock clock;

    /** @param audit where each job end's comparison is recorded */
    public GateCounts(Database db, AuditLog audit, Clock clock) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
    }

    /** Opens the job's window with the counter's reading; a window already open keeps its first reading. */
    public void opened(String job, String gate, OptionalLong plcCount) {
        update("INSERT INTO job_gate_counts(job_id, gate, plc_start) VALUES (?,?,?) "
                + "ON CONFLICT(job_id, gate) DO UPDATE SET plc_start = COALESCE(plc_start, excluded.plc_start)",
                job, gate, plcCount.isPresent() ? plcCount.getAsLong() : null);
    }

    /** Counts one fire the station commanded in the job. */
    public void fired(String job, String gate) {
        update("INSERT INTO job_gate_counts(job_id, gate, station_fires) VALUES (?,?,1) "
                + "ON CONFLICT(job_id, gate) DO UPDATE SET station_fires = station_fires + 1", job, gate);
    }

    /**
     * Closes the job's window with the counter's reading, or why it could not be read, and records the
     * comparison in the audit log.
     */
    public GateCount closed(String job, String gate, OptionalLong plcCount, String error) {
        return db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO job_gate_counts(job_id, gate, plc_end, "
                    + "end_error, ended_at) VALUES (?,?,?,?,?) ON CONFLICT(job_id, gate) DO UPDATE SET "
                    + "plc_end = excluded.plc_end, end_error = excluded.end_error, ended_at = excluded.ended_at")) {
                ps.setString(1, job);
                ps.setString(2, gate);
                ps.setObject(3, plcCount.isPresent() ? plcCount.getAsLong() : null);
                ps.setString(4, error);
                ps.setLong(5, clock.millis());
                ps.executeUpdate();
            }
            GateCount count = read(conn, job).stream().filter(c -> c.gate().equals(gate)).findFirst().orElseThrow();
            audit.record(conn, CodeLedger.SYSTEM, "job.gateCount", "job " + job + ": " + count.describe());
            return count;
        });
    }

    /** Whether the job's window for the gate was closed already. */
    public boolean isClosed(String job, String gate) {
        return db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT 1 FROM job_gate_counts WHERE job_id = ? AND gate = ? AND ended_at IS NOT NULL")) {
                ps.setString(1, job);
                ps.setString(2, gate);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    /** The job's counts, one per gate, by gate name (empty when no gate of the job has a PLC counter). */
    public List<GateCount> of(String job) {
        return db.read(conn -> read(conn, job));
    }

    private static List<GateCount> read(Connection conn, String job) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT gate, station_fires, plc_start, plc_end, "
                + "end_error FROM job_gate_counts WHERE job_id = ? ORDER BY gate")) {
            ps.setString(1, job);
            List<GateCount> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new GateCount(job, rs.getString(1), rs.getLong(2), optional(rs, 3), optional(rs, 4),
                            Optional.ofNullable(rs.getString(5))));
                }
            }
            return out;
        }
    }

    private static OptionalLong optional(ResultSet rs, int column) throws SQLException {
        long v = rs.getLong(column);
        return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(v);
    }

    private void update(String sql, Object... params) {
        db.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                return ps.executeUpdate();
            }
        });
    }
}

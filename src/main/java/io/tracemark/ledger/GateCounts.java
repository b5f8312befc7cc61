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
 * The reject gates' counts per job ({@code job_gate_counts}, see migration V10): the PLC reject counter's
 * increase over each time the job was on the line, and the station's own fires meanwhile, one row per job
 * and gate. Each write is its own transaction, made by the gate's command thread in order with its fires.
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

    /**
     * Opens a segment of the job's window with the counter's reading. A segment still open (the station
     * restarted while the job was on the line) keeps its first reading.
     */
    public void opened(String job, String gate, OptionalLong plcCount) {
        Long reading = plcCount.isPresent() ? plcCount.getAsLong() : null;
        update("INSERT INTO job_gate_counts(job_id, gate, plc_start, plc_unknown) VALUES (?,?,?,?) "
                + "ON CONFLICT(job_id, gate) DO UPDATE SET plc_start = COALESCE(plc_start, excluded.plc_start), "
                + "plc_unknown = plc_unknown OR (plc_start IS NULL AND excluded.plc_start IS NULL)",
                job, gate, reading, reading == null ? 1 : 0);
    }

    /** The open segment's start was read late (before the window's first fire), after a failed reading. */
    public void startRead(String job, String gate, long plcCount) {
        update("UPDATE job_gate_counts SET plc_start = ? WHERE job_id = ? AND gate = ? AND plc_start IS NULL",
                plcCount, job, gate);
    }

    /** Counts one fire the station commanded in the job. */
    public void fired(String job, String gate) {
        update("INSERT INTO job_gate_counts(job_id, gate, station_fires) VALUES (?,?,1) "
                + "ON CONFLICT(job_id, gate) DO UPDATE SET station_fires = station_fires + 1", job, gate);
    }

    /** Closes the open segment (another job comes on the line) with the counter's reading. */
    public void left(String job, String gate, OptionalLong plcCount) {
        db.inTransaction(conn -> {
            leave(conn, job, gate, plcCount);
            return null;
        });
    }

    /**
     * Closes the job's window for good with the counter's reading, or why it could not be read, and records
     * the comparison in the audit log.
     */
    public GateCount closed(String job, String gate, OptionalLong plcCount, String error) {
        return db.inTransaction(conn -> {
            leave(conn, job, gate, plcCount);
            try (PreparedStatement ps = conn.prepareStatement("UPDATE job_gate_counts SET end_error = ?, ended_at = ?"
                    + " WHERE job_id = ? AND gate = ?")) {
                ps.setString(1, error);
                ps.setLong(2, clock.millis());
                ps.setString(3, job);
                ps.setString(4, gate);
                ps.executeUpdate();
            }
            GateCount count = read(conn, job).stream().filter(c -> c.gate().equals(gate)).findFirst().orElseThrow();
            audit.record(conn, CodeLedger.SYSTEM, "job.gateCount", "job " + job + ": " + count.describe());
            return count;
        });
    }

    /** Adds the open segment's increase; the register is 16 bits (Modbus Application Protocol V1.1b3, 4.3). */
    private static void leave(Connection conn, String job, String gate, OptionalLong plcCount) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO job_gate_counts(job_id, gate, plc_unknown) "
                + "VALUES (?,?,1) ON CONFLICT(job_id, gate) DO UPDATE SET "
                + "plc_counted = plc_counted + CASE WHEN plc_start IS NOT NULL AND ? IS NOT NULL "
                + "THEN ((? - plc_start) % 65536 + 65536) % 65536 ELSE 0 END, "
                + "plc_unknown = plc_unknown OR (plc_start IS NOT NULL AND ? IS NULL), plc_start = NULL")) {
            Long reading = plcCount.isPresent() ? plcCount.getAsLong() : null;
            ps.setString(1, job);
            ps.setString(2, gate);
            ps.setObject(3, reading);
            ps.setObject(4, reading);
            ps.setObject(5, reading);
            ps.executeUpdate();
        }
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
        try (PreparedStatement ps = conn.prepareStatement("SELECT gate, station_fires, plc_counted, plc_unknown, "
                + "ended_at, end_error FROM job_gate_counts WHERE job_id = ? ORDER BY gate")) {
            ps.setString(1, job);
            List<GateCount> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OptionalLong plc = rs.getInt(4) != 0 ? OptionalLong.empty() : OptionalLong.of(rs.getLong(3));
                    rs.getLong(5);
                    boolean ended = !rs.wasNull();
                    out.add(new GateCount(job, rs.getString(1), rs.getLong(2), plc, ended,
                            Optional.ofNullable(rs.getString(6))));
                }
            }
            return out;
        }
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

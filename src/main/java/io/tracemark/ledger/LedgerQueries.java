package io.tracemark.ledger;

import io.tracemark.core.CodeState;
import io.tracemark.core.TraceLevel;
import io.tracemark.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads of the ledger, on read connections (never blocking the writer). */
final class LedgerQueries {

    private static final String JOB_SELECT = "SELECT j.id, j.trace_level, j.quantity, j.state, j.created_at, "
            + "j.ended_at, c.code FROM jobs j LEFT JOIN codes c ON c.id = j.shared_code_id";
    private static final String UNIT_SELECT = "SELECT u.id, u.job_id, u.seq, c.code, u.state, u.reason, u.grade "
            + "FROM units u JOIN codes c ON c.id = u.code_id";

    private final Database db;

    LedgerQueries(Database db) {
        this.db = db;
    }

    Optional<Job> job(String jobId) {
        return db.read(conn -> first(jobs(conn, JOB_SELECT + " WHERE j.id = ?", jobId)));
    }

    List<Job> jobs() {
        return db.read(conn -> jobs(conn, JOB_SELECT + " ORDER BY j.created_at, j.id"));
    }

    Optional<Unit> unit(long unitId) {
        return db.read(conn -> first(units(conn, UNIT_SELECT + " WHERE u.id = ?", unitId)));
    }

    Optional<Unit> unitByCode(String code) {
        return db.read(conn -> {
            Optional<Unit> sent = first(units(conn, UNIT_SELECT
                    + " WHERE c.code = ? AND u.state = 'SENT' ORDER BY u.id LIMIT 1", code));
            return sent.isPresent() ? sent
                    : first(units(conn, UNIT_SELECT + " WHERE c.code = ? ORDER BY u.id DESC LIMIT 1", code));
        });
    }

    List<Unit> inFlight(String jobId) {
        return db.read(conn -> units(conn, UNIT_SELECT + " WHERE u.job_id = ? AND u.state = 'SENT' ORDER BY u.seq", jobId));
    }

    Optional<CodeState> codeState(String code) {
        return db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT state FROM codes WHERE code = ?")) {
                ps.setString(1, code);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(CodeState.valueOf(rs.getString(1))) : Optional.empty();
                }
            }
        });
    }

    Reconciliation reconcile(String jobId) {
        return db.read(conn -> {
            Job job = first(jobs(conn, JOB_SELECT + " WHERE j.id = ?", jobId))
                    .orElseThrow(() -> new LedgerException("job " + jobId + " does not exist"));
            return new Accounting(conn, job).reconcile();
        });
    }

    private static List<Job> jobs(Connection conn, String sql, Object... args) throws SQLException {
        List<Job> jobs = new ArrayList<>();
        try (ResultSet rs = query(conn, sql, args)) {
            while (rs.next()) {
                long ended = rs.getLong(6);
                Optional<Instant> endedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(ended));
                jobs.add(new Job(rs.getString(1), TraceLevel.valueOf(rs.getString(2)), rs.getInt(3),
                        JobState.valueOf(rs.getString(4)), Instant.ofEpochMilli(rs.getLong(5)), endedAt,
                        Optional.ofNullable(rs.getString(7))));
            }
        }
        return jobs;
    }

    private static List<Unit> units(Connection conn, String sql, Object... args) throws SQLException {
        List<Unit> units = new ArrayList<>();
        try (ResultSet rs = query(conn, sql, args)) {
            while (rs.next()) {
                units.add(new Unit(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                        CodeState.valueOf(rs.getString(5)), Optional.ofNullable(rs.getString(6)),
                        Optional.ofNullable(rs.getString(7))));
            }
        }
        return units;
    }

    static ResultSet query(Connection conn, String sql, Object... args) throws SQLException {
        PreparedStatement ps = conn.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        ps.closeOnCompletion();
        return ps.executeQuery();
    }

    static long number(Connection conn, String sql, Object... args) throws SQLException {
        try (ResultSet rs = query(conn, sql, args)) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static <T> Optional<T> first(List<T> list) {
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }
}

package io.tracemark.ledger;

import io.tracemark.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads of REJECTED units for the reject log: pages in a stable order, totals and counts per reason. */
final class RejectLog {

    private static final String FROM = " FROM units u JOIN codes c ON c.id = u.code_id WHERE u.state = 'REJECTED'";

    private final Database db;

    RejectLog(Database db) {
        this.db = db;
    }

    List<RejectedUnit> page(RejectQuery q, RejectCursor after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT u.id, u.job_id, c.code, u.reason, u.grade, u.verdict_at").append(FROM);
        List<Object> args = new ArrayList<>();
        where(q, sql, args);
        if (after != null) {
            sql.append(" AND (u.verdict_at < ? OR (u.verdict_at = ? AND u.id < ?))");
            args.add(after.verdictAt().toEpochMilli());
            args.add(after.verdictAt().toEpochMilli());
            args.add(after.unitId());
        }
        sql.append(" ORDER BY u.verdict_at DESC, u.id DESC LIMIT ").append(Math.max(1, Math.min(1000, limit)));
        return db.read(conn -> {
            try (PreparedStatement ps = prepared(conn.prepareStatement(sql.toString()), args);
                 ResultSet rs = ps.executeQuery()) {
                List<RejectedUnit> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(new RejectedUnit(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5) == null ? "" : rs.getString(5), Instant.ofEpochMilli(rs.getLong(6))));
                }
                return out;
            }
        });
    }

    /** How many rejects each reason has, most first (then by reason). */
    Map<String, Long> countsByReason(RejectQuery q) {
        StringBuilder sql = new StringBuilder("SELECT u.reason, COUNT(*)").append(FROM);
        List<Object> args = new ArrayList<>();
        where(q, sql, args);
        sql.append(" GROUP BY u.reason ORDER BY COUNT(*) DESC, u.reason");
        return db.read(conn -> {
            try (PreparedStatement ps = prepared(conn.prepareStatement(sql.toString()), args);
                 ResultSet rs = ps.executeQuery()) {
                Map<String, Long> out = new LinkedHashMap<>();
                while (rs.next()) {
                    out.put(rs.getString(1) == null ? "" : rs.getString(1), rs.getLong(2));
                }
                return out;
            }
        });
    }

    long count(RejectQuery q) {
        StringBuilder sql = new StringBuilder("SELECT COUNT(*)").append(FROM);
        List<Object> args = new ArrayList<>();
        where(q, sql, args);
        return db.read(conn -> {
            try (PreparedStatement ps = prepared(conn.prepareStatement(sql.toString()), args);
                 ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    private static void where(RejectQuery q, StringBuilder sql, List<Object> args) {
        if (q.jobId() != null) {
            sql.append(" AND u.job_id = ?");
            args.add(q.jobId());
        }
        if (q.reason() != null) {
            sql.append(" AND u.reason = ?");
            args.add(q.reason());
        }
        if (q.codeContains() != null) {
            sql.append(" AND instr(c.code, ?) > 0");
            args.add(q.codeContains());
        }
        if (q.from() != null) {
            sql.append(" AND u.verdict_at >= ?");
            args.add(q.from().toEpochMilli());
        }
        if (q.to() != null) {
            sql.append(" AND u.verdict_at < ?");
            args.add(q.to().toEpochMilli());
        }
    }

    private static PreparedStatement prepared(PreparedStatement ps, List<Object> args) throws java.sql.SQLException {
        try {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            return ps;
        } catch (java.sql.SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }
}

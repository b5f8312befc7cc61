package io.tracemark.pack;

import io.tracemark.core.CodeState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL of aggregation: rows of {@code parents}, {@code pack_links} and {@code pack_events}. */
final class PackRows {

    private static final String PARENT_SELECT = "SELECT p.id, p.sscc, p.kind, p.state, p.capacity, "
            + "CASE p.kind WHEN 'CASE' THEN (SELECT count(*) FROM pack_links l WHERE l.parent_id = p.id) "
            + "ELSE (SELECT count(*) FROM parents c WHERE c.pallet_id = p.id) END, "
            + "p.job_id, p.product_id, p.mix_jobs, (SELECT q.sscc FROM parents q WHERE q.id = p.pallet_id), p.label_state "
            + "FROM parents p ";

    private PackRows() {
    }

    static Optional<Parent> parent(Connection conn, Sscc sscc) throws SQLException {
        return first(parents(conn, PARENT_SELECT + "WHERE p.sscc = ?", sscc.digits()));
    }

    static Optional<Parent> parent(Connection conn, long id) throws SQLException {
        return first(parents(conn, PARENT_SELECT + "WHERE p.id = ?", id));
    }

    static List<Parent> parents(Connection conn, String sql, Object... args) throws SQLException {
        List<Parent> parents = new ArrayList<>();
        try (PreparedStatement ps = prepare(conn, sql, args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String pallet = rs.getString(10);
                parents.add(new Parent(rs.getLong(1), new Sscc(rs.getString(2)), ParentKind.valueOf(rs.getString(3)),
                        ParentState.valueOf(rs.getString(4)), rs.getInt(5), rs.getInt(6),
                        Optional.ofNullable(rs.getString(7)), Optional.ofNullable(rs.getString(8)), rs.getInt(9) != 0,
                        Optional.ofNullable(pallet).map(Sscc::new), Optional.ofNullable(rs.getString(11))));
            }
        }
        return parents;
    }

    static long insertParent(Connection conn, Sscc sscc, ParentKind kind, int capacity, String jobId, String productId,
                             boolean mixJobs, String actor, long now) throws SQLException {
        try (PreparedStatement ps = prepare(conn, "INSERT INTO parents (sscc, kind, state, capacity, job_id, product_id, "
                + "mix_jobs, created_at, created_by) VALUES (?, ?, 'OPEN', ?, ?, ?, ?, ?, ?) RETURNING id",
                sscc.digits(), kind.name(), capacity, jobId, productId, mixJobs ? 1 : 0, now, actor);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void setState(Connection conn, long parentId, ParentState state, String actor, long now) throws SQLException {
        boolean closing = state == ParentState.CLOSED;
        update(conn, "UPDATE parents SET state = ?, closed_at = CASE WHEN ? THEN ? ELSE closed_at END, "
                + "closed_by = CASE WHEN ? THEN ? ELSE closed_by END WHERE id = ?",
                state.name(), closing, now, closing, actor, parentId);
    }

    static void setFirstChild(Connection conn, long parentId, String jobId, String productId) throws SQLException {
        update(conn, "UPDATE parents SET job_id = coalesce(job_id, ?), product_id = coalesce(product_id, ?) WHERE id = ?",
                jobId, productId, parentId);
    }

    static void setLabelState(Connection conn, long parentId, String labelState) throws SQLException {
        update(conn, "UPDATE parents SET label_state = ? WHERE id = ?", labelState, parentId);
    }

    static void setPallet(Connection conn, long caseId, Long palletId) throws SQLException {
        update(conn, "UPDATE parents SET pallet_id = ? WHERE id = ?", palletId, caseId);
    }

    static void link(Connection conn, long unitId, long caseId, String jobId, long now) throws SQLException {
        update(conn, "INSERT INTO pack_links (unit_id, parent_id, job_id, linked_at) VALUES (?, ?, ?, ?)",
                unitId, caseId, jobId, now);
    }

    static void unlink(Connection conn, long unitId) throws SQLException {
        update(conn, "DELETE FROM pack_links WHERE unit_id = ?", unitId);
    }

    /** Appends one journal row: {@code action} on {@code parentId}, about a unit or a case. */
    static void event(Connection conn, String action, long parentId, Long unitId, Long caseId, String jobId,
                      String actor, String reason, long now) throws SQLException {
        update(conn, "INSERT INTO pack_events (action, parent_id, unit_id, case_id, job_id, actor, reason, at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", action, parentId, unitId, caseId, jobId, actor, reason, now);
    }

    /** The unit carrying {@code code} (the latest, for a shared code), with its job's product and its case. */
    static Optional<ChildUnit> childUnit(Connection conn, String code) throws SQLException {
        try (PreparedStatement ps = prepare(conn, "SELECT u.id, c.code, u.job_id, d.product_id, u.state, "
                + "(SELECT count(*) FROM units x WHERE x.code_id = c.id), l.parent_id "
                + "FROM codes c JOIN units u ON u.code_id = c.id LEFT JOIN job_details d ON d.job_id = u.job_id "
                + "LEFT JOIN pack_links l ON l.unit_id = u.id WHERE c.code = ? ORDER BY u.id DESC LIMIT 1", code);
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return Optional.empty();
            }
            long caseId = rs.getLong(7);
            Optional<Long> inCase = rs.wasNull() ? Optional.empty() : Optional.of(caseId);
            return Optional.of(new ChildUnit(rs.getLong(1), rs.getString(2), rs.getString(3),
                    Optional.ofNullable(rs.getString(4)), CodeState.valueOf(rs.getString(5)), rs.getInt(6), inCase));
        }
    }

    /** Whether the ledger holds {@code code} at all (printed or not). */
    static boolean codeKnown(Connection conn, String code) throws SQLException {
        return number(conn, "SELECT count(*) FROM codes WHERE code = ?", code) > 0;
    }

    /** The unit ids in a case, in packing order. */
    static List<Long> unitsIn(Connection conn, long caseId) throws SQLException {
        return longs(conn, "SELECT unit_id FROM pack_links WHERE parent_id = ? ORDER BY linked_at, unit_id", caseId);
    }

    /** The codes in a case, in packing order. */
    static List<String> codesIn(Connection conn, long caseId) throws SQLException {
        List<String> codes = new ArrayList<>();
        try (PreparedStatement ps = prepare(conn, "SELECT c.code FROM pack_links l JOIN units u ON u.id = l.unit_id "
                + "JOIN codes c ON c.id = u.code_id WHERE l.parent_id = ? ORDER BY l.linked_at, l.unit_id", caseId);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                codes.add(rs.getString(1));
            }
        }
        return codes;
    }

    static List<Parent> casesOn(Connection conn, long palletId) throws SQLException {
        return parents(conn, PARENT_SELECT + "WHERE p.pallet_id = ? ORDER BY p.id", palletId);
    }

    static List<Parent> openParents(Connection conn, ParentKind kind) throws SQLException {
        return parents(conn, PARENT_SELECT + "WHERE p.state = 'OPEN' AND p.kind = ? ORDER BY p.id", kind.name());
    }

    static long number(Connection conn, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(conn, sql, args); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    private static List<Long> longs(Connection conn, String sql, Object... args) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = prepare(conn, sql, args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
        }
        return ids;
    }

    private static void update(Connection conn, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(conn, sql, args)) {
            ps.executeUpdate();
        }
    }

    private static PreparedStatement prepare(Connection conn, String sql, Object... args) throws SQLException {
        PreparedStatement ps = conn.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg == null) {
                ps.setNull(i + 1, Types.NULL);
            } else if (arg instanceof Boolean b) {
                ps.setInt(i + 1, b ? 1 : 0);
            } else {
                ps.setObject(i + 1, arg);
            }
        }
        return ps;
    }

    private static <T> Optional<T> first(List<T> list) {
        return list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }
}

package io.tracemark.pack;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL of shipments: {@code shipments}, {@code shipment_items}, {@code shipped_units}. */
final class ShipmentRows {

    private static final String SELECT = "SELECT s.id, s.order_number, s.buyer_name, s.buyer_address, s.buyer_contact, "
            + "s.sale_time, s.state, (SELECT count(*) FROM shipment_items i WHERE i.shipment_id = s.id), s.closed_at "
            + "FROM shipments s WHERE s.order_number = ?";

    private ShipmentRows() {
    }

    static Optional<Shipment> shipment(Connection conn, String orderNumber) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(SELECT)) {
            ps.setString(1, orderNumber);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long id = rs.getLong(1);
                long closed = rs.getLong(9);
                Optional<Instant> closedAt = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(closed));
                Shipment s = new Shipment(id, rs.getString(2), new Buyer(rs.getString(3), rs.getString(4), rs.getString(5)),
                        Instant.ofEpochMilli(rs.getLong(6)), rs.getString(7), rs.getInt(8), 0, closedAt);
                return Optional.of(new Shipment(s.id(), s.orderNumber(), s.buyer(), s.saleTime(), s.state(), s.items(),
                        unitsOf(conn, id).size(), s.closedAt()));
            }
        }
    }

    /** The order numbers of shipments in {@code state}, newest first, at most {@code limit}. */
    static List<String> orders(Connection conn, String state, int limit) throws SQLException {
        List<String> orders = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT order_number FROM shipments WHERE state = ? "
                + "ORDER BY id DESC LIMIT ?")) {
            ps.setString(1, state);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    orders.add(rs.getString(1));
                }
            }
        }
        return orders;
    }

    /** What a shipment holds: each scanned item as {@code kind code} (pallet/case SSCC or a unit's code). */
    static List<String> items(Connection conn, long shipmentId) throws SQLException {
        List<String> items = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement("SELECT p.kind, p.sscc, c.code FROM shipment_items i "
                + "LEFT JOIN parents p ON p.id = i.parent_id LEFT JOIN units u ON u.id = i.unit_id "
                + "LEFT JOIN codes c ON c.id = u.code_id WHERE i.shipment_id = ? ORDER BY i.id")) {
            ps.setLong(1, shipmentId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(rs.getString(1) != null ? rs.getString(1).toLowerCase() + " " + rs.getString(2)
                            : "unit " + rs.getString(3));
                }
            }
        }
        return items;
    }

    /** Every unit in the shipment's items, the hierarchy expanded: pallet -> cases -> units. */
    static List<Long> unitsOf(Connection conn, long shipmentId) throws SQLException {
        return ids(conn, "SELECT unit_id FROM shipment_items WHERE shipment_id = ? AND unit_id IS NOT NULL "
                + "UNION ALL SELECT l.unit_id FROM shipment_items i JOIN pack_links l ON l.parent_id = i.parent_id "
                + "WHERE i.shipment_id = ? "
                + "UNION ALL SELECT l.unit_id FROM shipment_items i JOIN parents c ON c.pallet_id = i.parent_id "
                + "JOIN pack_links l ON l.parent_id = c.id WHERE i.shipment_id = ?", shipmentId, shipmentId, shipmentId);
    }

    /** The units a parent holds: a case's units, or the units of a pallet's cases. */
    static List<Long> unitsOfParent(Connection conn, Parent parent) throws SQLException {
        return parent.kind() == ParentKind.CASE ? PackRows.unitsIn(conn, parent.id())
                : ids(conn, "SELECT l.unit_id FROM parents c JOIN pack_links l ON l.parent_id = c.id WHERE c.pallet_id = ?",
                        parent.id());
    }

    /** The order number of the shipment holding this item (parent or unit), if any. */
    static Optional<String> holding(Connection conn, String column, long id) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT s.order_number FROM shipment_items i JOIN shipments s "
                + "ON s.id = i.shipment_id WHERE i." + column + " = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    /**
     * Units among {@code unitIds} whose trace events the platform has not acknowledged yet: the verdict event,
     * and the aggregation event of the case it is in.
     */
    static long awaitingPlatform(Connection conn, List<Long> unitIds) throws SQLException {
        long waiting = 0;
        for (int from = 0; from < unitIds.size(); from += 500) {
            List<Long> chunk = unitIds.subList(from, Math.min(unitIds.size(), from + 500));
            String in = String.join(",", chunk.stream().map(String::valueOf).toList());
            waiting += PackRows.number(conn, "SELECT count(*) FROM units u LEFT JOIN pack_links l ON l.unit_id = u.id "
                    + "WHERE u.id IN (" + in + ") AND (NOT EXISTS (SELECT 1 FROM outbox o WHERE o.idempotency_key = "
                    + "'unit-verdict/' || u.job_id || '/' || u.seq AND o.sent_at IS NOT NULL) OR (l.parent_id IS NOT NULL "
                    + "AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.idempotency_key = 'unit-aggregated/' || u.id || '/' "
                    + "|| l.parent_id AND o.sent_at IS NOT NULL)))");
        }
        return waiting;
    }

    private static List<Long> ids(Connection conn, String sql, Object... args) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }
}

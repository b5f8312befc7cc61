package io.tracemark.pack;

import io.tracemark.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What was packed and shipped of a job, for records (EPCIS export): the closed cases holding its units and the
 * pallets holding those cases, and the closed shipments that took its units.
 */
public final class PackingHistory {

    /**
     * A closed parent and what it holds.
     *
     * @param sscc     its SSCC
     * @param kind     case or pallet
     * @param closedAt when it was closed
     * @param units    a case's unit codes (empty for a pallet)
     * @param cases    a pallet's case SSCCs (empty for a case)
     */
    public record Packed(Sscc sscc, ParentKind kind, Instant closedAt, List<String> units, List<Sscc> cases) {
    }

    /**
     * A closed shipment that took units of the job.
     *
     * @param orderNumber its order
     * @param closedAt    when it left
     * @param producerId  the producer of the job's product, when the job has details
     * @param parents     the pallets and cases scanned into it
     * @param looseUnits  the loose unit codes scanned into it
     */
    public record Shipped(String orderNumber, Instant closedAt, String producerId, List<Sscc> parents, List<String> looseUnits) {
    }

    private final Database db;

    public PackingHistory(Database db) {
        this.db = db;
    }

    /** The closed (or shipped) cases of the job and the closed pallets they are on, oldest first. */
    public List<Packed> packed(String job) {
        return db.read(conn -> {
            List<Packed> out = new ArrayList<>();
            List<Long> pallets = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT p.id, p.sscc, p.closed_at, p.pallet_id FROM parents p "
                    + "WHERE p.kind = 'CASE' AND p.job_id = ? AND p.state IN ('CLOSED', 'SHIPPED') AND p.closed_at IS NOT NULL "
                    + "ORDER BY p.closed_at, p.id")) {
                ps.setString(1, job);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Packed(new Sscc(rs.getString(2)), ParentKind.CASE, Instant.ofEpochMilli(rs.getLong(3)),
                                PackRows.codesIn(conn, rs.getLong(1)), List.of()));
                        long pallet = rs.getLong(4);
                        if (!rs.wasNull() && !pallets.contains(pallet)) {
                            pallets.add(pallet);
                        }
                    }
                }
            }
            for (long id : pallets) {
                Parent pallet = PackRows.parent(conn, id).orElseThrow();
                Long closed = closedAt(conn, id);
                if (closed != null && pallet.state() != ParentState.OPEN) {
                    out.add(new Packed(pallet.sscc(), ParentKind.PALLET, Instant.ofEpochMilli(closed), List.of(),
                            PackRows.casesOn(conn, id).stream().map(Parent::sscc).toList()));
                }
            }
            return out;
        });
    }

    /** The closed shipments that took units of the job, oldest first. */
    public List<Shipped> shipped(String job) {
        return db.read(conn -> {
            List<Shipped> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT s.id, s.order_number, s.closed_at, "
                    + "(SELECT r.producer_id FROM job_details d JOIN products r ON r.id = d.product_id WHERE d.job_id = ?) "
                    + "FROM shipments s WHERE s.state = 'CLOSED' AND EXISTS (SELECT 1 FROM shipped_units x JOIN units u "
                    + "ON u.id = x.unit_id WHERE x.shipment_id = s.id AND u.job_id = ?) ORDER BY s.closed_at, s.id")) {
                ps.setString(1, job);
                ps.setString(2, job);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        List<Sscc> parents = new ArrayList<>();
                        List<String> loose = new ArrayList<>();
                        for (String item : ShipmentRows.items(conn, rs.getLong(1))) {
                            String value = item.substring(item.indexOf(' ') + 1);
                            if (item.startsWith("unit ")) {
                                loose.add(value);
                            } else {
                                parents.add(new Sscc(value));
                            }
                        }
                        out.add(new Shipped(rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getString(4), parents, loose));
                    }
                }
            }
            return out;
        });
    }

    private static Long closedAt(Connection conn, long id) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT closed_at FROM parents WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                long v = rs.getLong(1);
                return rs.wasNull() ? null : v;
            }
        }
    }
}

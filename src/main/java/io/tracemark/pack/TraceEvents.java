package io.tracemark.pack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tracemark.store.Outbox;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;

/**
 * The platform's unit events of aggregation and shipping (docs/platform-api.yaml, UnitEventType AGGREGATED
 * and SHIPPED), appended to the outbox in the transaction of the change: {@code unit.aggregated} per unit when
 * its case closes ({@code parent}: the case's SSCC), {@code unit.shipped} per unit when its shipment closes
 * (sale time and buyer in {@code details}). The outbox key names the unit and the case or shipment, so a
 * repeat is the same event.
 */
final class TraceEvents {

    static final String AGGREGATED = "unit.aggregated";
    static final String SHIPPED = "unit.shipped";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Outbox outbox;

    TraceEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** One AGGREGATED event per unit of the closed case, each with the case's size ({@code details.caseUnits}). */
    void caseClosed(Connection conn, Parent box, long now) throws SQLException {
        long units = PackRows.number(conn, "SELECT count(*) FROM pack_links WHERE parent_id = ?", box.id());
        try (PreparedStatement ps = conn.prepareStatement("SELECT u.id, u.job_id, c.code FROM pack_links l "
                + "JOIN units u ON u.id = l.unit_id JOIN codes c ON c.id = u.code_id WHERE l.parent_id = ?")) {
            ps.setLong(1, box.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ObjectNode p = payload(rs.getString(2), rs.getString(3), "AGGREGATED", now);
                    p.put("parent", box.sscc().digits());
                    p.putObject("details").put("caseUnits", Long.toString(units));
                    outbox.append(conn, AGGREGATED, aggregatedKey(rs.getLong(1), box.id()), p.toString());
                }
            }
        }
    }

    /** One SHIPPED event for a unit that left with a shipment. */
    void shipped(Connection conn, long unitId, String job, String code, String parentSscc, long shipmentId,
                 Map<String, String> details, long now) throws SQLException {
        ObjectNode p = payload(job, code, "SHIPPED", now);
        if (parentSscc != null) {
            p.put("parent", parentSscc);
        }
        ObjectNode d = p.putObject("details");
        details.forEach(d::put);
        outbox.append(conn, SHIPPED, "unit-shipped/" + unitId + "/" + shipmentId, p.toString());
    }

    static String aggregatedKey(long unitId, long caseId) {
        return "unit-aggregated/" + unitId + "/" + caseId;
    }

    private static ObjectNode payload(String job, String code, String type, long now) {
        ObjectNode p = JSON.createObjectNode();
        p.put("job", job);
        p.put("code", code);
        p.put("type", type);
        p.put("at", Instant.ofEpochMilli(now).toString());
        return p;
    }
}

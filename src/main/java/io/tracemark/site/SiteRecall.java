package io.tracemark.site;

import io.tracemark.platform.reference.ApiException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Recall across the site's lines (guideline 6.4): from a batch, a unit's code or an SSCC (a line's
 * case or a site pallet) to every unit affected on every line, with its verdict, case, pallet,
 * shipment and buyer (the site's shipments, or a line's own in its SHIPPED event); counts per line
 * and per buyer, and the units still in the factory. One query over PostgreSQL's indexes
 * ({@code unit_events_batch}, {@code unit_events_code}, {@code site_case_units_case}).
 */
final class SiteRecall {

    /** One unit of a recall. Buyer fields null while the unit is in the factory. */
    record Unit(String code, String stationId, String productId, String jobId, String batch, String state,
                Instant verdictAt, String grade, String caseSscc, String palletSscc, String orderNumber,
                String buyerName, String buyerAddress, String buyerContact, Instant saleTime) {
    }

    /** A recall's answer. */
    record Recall(String by, String value, List<Unit> units, Map<String, Long> unitsPerLine,
                  Map<String, Long> unitsPerBuyer, long inFactory) {
    }

    /** What the units of a recall are: SQL giving their codes from one parameter. */
    static final String BY_BATCH = "SELECT DISTINCT code FROM unit_events WHERE batch = ?";
    static final String BY_CODE = "SELECT DISTINCT code FROM unit_events WHERE code = ?";
    static final String BY_SSCC = "SELECT code FROM site_case_units WHERE case_sscc = ? OR case_sscc IN"
            + " (SELECT case_sscc FROM site_pallet_cases WHERE pallet_sscc = ?)";

    private final SiteDatabase db;

    SiteRecall(SiteDatabase db) {
        this.db = db;
    }

    /** The recall of exactly one of batch, code or sscc. */
    Recall recall(String batch, String code, String sscc) {
        int given = (batch == null ? 0 : 1) + (code == null ? 0 : 1) + (sscc == null ? 0 : 1);
        if (given != 1) {
            throw ApiException.badRequest("recall", "give exactly one of batch, code or sscc (" + given + " given)");
        }
        if (batch != null) {
            return run("batch", batch, BY_BATCH, batch);
        }
        if (code != null) {
            return run("code", code, BY_CODE, code);
        }
        String s = SiteCases.normalised(sscc);
        return run("sscc", s, BY_SSCC, s, s);
    }

    /** The whole recall query with the units' SQL in it (for the index plan test). */
    static String query(String unitsSql) {
        return "WITH r AS (" + unitsSql + ") SELECT r.code, v.station_id, v.product_id, v.job_id, b.batch, v.type,"
                + " v.occurred_at, v.details, cu.case_sscc, pc.pallet_sscc, s.order_number, s.buyer_name,"
                + " s.buyer_address, s.buyer_contact, s.sale_time, ls.details FROM r"
                + " LEFT JOIN LATERAL (SELECT station_id, product_id, job_id, type, occurred_at, details FROM unit_events e"
                + " WHERE e.code = r.code AND e.type IN ('VERIFIED', 'REJECTED', 'VOIDED') ORDER BY e.seq DESC LIMIT 1) v"
                + " ON true LEFT JOIN LATERAL (SELECT batch FROM unit_events e WHERE e.code = r.code AND e.batch IS NOT NULL"
                + " LIMIT 1) b ON true"
                + " LEFT JOIN LATERAL (SELECT details FROM unit_events e WHERE e.code = r.code AND e.type = 'SHIPPED'"
                + " ORDER BY e.seq DESC LIMIT 1) ls ON true"
                + " LEFT JOIN site_case_units cu ON cu.code = r.code LEFT JOIN site_pallet_cases pc ON pc.case_sscc ="
                + " cu.case_sscc LEFT JOIN site_shipment_items si ON si.sscc = coalesce(pc.pallet_sscc, cu.case_sscc)"
                + " LEFT JOIN site_shipments s ON s.order_number = si.order_number AND s.state = 'CLOSED'"
                + " ORDER BY v.station_id, r.code";
    }

    private Recall run(String by, String value, String unitsSql, String... params) {
        List<Unit> units = db.read(c -> {
            List<Unit> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(query(unitsSql))) {
                for (int i = 0; i < params.length; i++) {
                    ps.setString(i + 1, params[i]);
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(unit(rs));
                    }
                }
            }
            return out;
        });
        Map<String, Long> perLine = new TreeMap<>();
        Map<String, Long> perBuyer = new TreeMap<>();
        long inFactory = 0;
        for (Unit u : units) {
            perLine.merge(u.stationId() == null ? "?" : u.stationId(), 1L, Long::sum);
            if (u.buyerName() == null) {
                inFactory++;
            } else {
                perBuyer.merge(u.buyerName(), 1L, Long::sum);
            }
        }
        return new Recall(by, value, units, perLine, perBuyer, inFactory);
    }

    private static Unit unit(ResultSet rs) throws SQLException {
        Map<String, String> verdict = details(rs.getString(8));
        String order = rs.getString(11);
        String name = rs.getString(12);
        String address = rs.getString(13);
        String contact = rs.getString(14);
        Timestamp sale = rs.getTimestamp(15);
        Instant saleTime = sale == null ? null : sale.toInstant();
        if (order == null && rs.getString(16) != null) { // shipped by its line: the buyer is in the line's SHIPPED event
            Map<String, String> shipped = details(rs.getString(16));
            order = shipped.get("orderNumber");
            name = shipped.get("buyerName");
            address = shipped.get("buyerAddress");
            contact = shipped.get("buyerContact");
            saleTime = shipped.get("saleTime") == null ? null : Instant.parse(shipped.get("saleTime"));
        }
        Timestamp at = rs.getTimestamp(7);
        return new Unit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), at == null ? null : at.toInstant(), verdict.get("grade"), rs.getString(9), rs.getString(10),
                order, name, address, contact, saleTime);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> details(String json) {
        return json == null ? Map.of() : SiteMasterData.parse(json, Map.class);
    }
}

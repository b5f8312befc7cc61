package io.tracemark.pack;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SQL of a recall, on one JDBC connection: from a selector to every unit with its case, pallet, shipment and
 * buyer. Every query starts from an index (a code, an SSCC, a batch, a product's production days) and reaches
 * the units through the units' own keys, so its cost follows the units found, not the units held
 * (RecallPlanTest checks the plans; {@code bench recall} times them at 10 million units).
 *
 * <p>The tables are named without a schema, so the same statements can read another database attached to the
 * connection (an archive of old jobs) when they are unioned with it.
 */
public final class RecallQuery {

    /** Everything a recall shows of a unit; {@code u} (units) and {@code d} (job_details) come from the head. */
    private static final String COLUMNS = "SELECT u.id, c.code, u.state, u.reason, u.grade, coalesce(u.verdict_at, "
            + "u.sent_at), u.job_id, u.seq, d.batch, d.product_id, bx.sscc, pl.sscc, s.order_number, s.sale_time, "
            + "s.buyer_name, s.buyer_address, s.buyer_contact ";
    private static final String TAIL = " JOIN codes c ON c.id = u.code_id LEFT JOIN pack_links l ON l.unit_id = u.id "
            + "LEFT JOIN parents bx ON bx.id = l.parent_id LEFT JOIN parents pl ON pl.id = bx.pallet_id "
            + "LEFT JOIN shipped_units su ON su.unit_id = u.id LEFT JOIN shipments s ON s.id = su.shipment_id ";
    private static final String ORDER = " ORDER BY u.job_id, u.seq";

    static final String BY_BATCH = COLUMNS + "FROM job_details d JOIN units u ON u.job_id = d.job_id" + TAIL
            + "WHERE d.batch = ?" + ORDER;
    static final String BY_PRODUCT = COLUMNS + "FROM job_details d JOIN units u ON u.job_id = d.job_id" + TAIL
            + "WHERE d.product_id = ? AND d.production_date BETWEEN ? AND ?" + ORDER;
    static final String BY_CODE = COLUMNS + "FROM codes k JOIN units u ON u.code_id = k.id "
            + "LEFT JOIN job_details d ON d.job_id = u.job_id" + TAIL + "WHERE k.code = ?" + ORDER;
    static final String BY_CASE = COLUMNS + "FROM parents q JOIN pack_links ql ON ql.parent_id = q.id "
            + "JOIN units u ON u.id = ql.unit_id LEFT JOIN job_details d ON d.job_id = u.job_id" + TAIL
            + "WHERE q.sscc = ? AND q.kind = 'CASE'" + ORDER;
    static final String BY_PALLET = COLUMNS + "FROM parents p JOIN parents q ON q.pallet_id = p.id "
            + "JOIN pack_links ql ON ql.parent_id = q.id JOIN units u ON u.id = ql.unit_id "
            + "LEFT JOIN job_details d ON d.job_id = u.job_id" + TAIL + "WHERE p.sscc = ? AND p.kind = 'PALLET'" + ORDER;

    private final Connection conn;

    public RecallQuery(Connection conn) {
        this.conn = conn;
    }

    /**
     * Every unit the selector covers.
     *
     * @throws InvalidInputException when the code is neither a unit's code nor a case's or pallet's SSCC at this
     *         station, the batch has no job here, or the product is unknown
     */
    public RecallResult find(RecallSelector selector) throws SQLException {
        List<RecalledUnit> units;
        if (selector instanceof RecallSelector.ByCode c) {
            units = byCode(c.code());
        } else if (selector instanceof RecallSelector.ByBatch b) {
            units = byBatch(b.batch());
        } else {
            units = byProduct((RecallSelector.ByProduct) selector);
        }
        return new RecallResult(selector, units);
    }

    private List<RecalledUnit> byCode(String scan) throws SQLException {
        if (Sscc.looksLikeSscc(scan)) {
            Sscc sscc = Sscc.parse(scan);
            Optional<String> kind = text("SELECT kind FROM parents WHERE sscc = ?", sscc.digits());
            if (kind.isPresent()) {
                return units("CASE".equals(kind.get()) ? BY_CASE : BY_PALLET, sscc.digits());
            }
        }
        for (String candidate : ScannedCode.candidates(scan)) {
            List<RecalledUnit> units = units(BY_CODE, candidate);
            if (!units.isEmpty()) {
                return units;
            }
        }
        boolean issued = false;
        for (String candidate : ScannedCode.candidates(scan)) {
            issued |= text("SELECT code FROM codes WHERE code = ?", candidate).isPresent();
        }
        throw new InvalidInputException("recall", List.of(new Problem("code", issued
                ? "code " + scan + " was never printed at this station: no unit carries it"
                : "code " + scan + " is neither a unit's code nor a case's or pallet's SSCC at this station")));
    }

    private List<RecalledUnit> byBatch(String batch) throws SQLException {
        if (text("SELECT job_id FROM job_details WHERE batch = ? LIMIT 1", batch).isEmpty()) {
            throw new InvalidInputException("recall", List.of(new Problem("batch", "no job of batch " + batch
                    + " at this station")));
        }
        return units(BY_BATCH, batch);
    }

    private List<RecalledUnit> byProduct(RecallSelector.ByProduct p) throws SQLException {
        if (text("SELECT id FROM products WHERE id = ?", p.productId()).isEmpty()
                && text("SELECT job_id FROM job_details WHERE product_id = ? LIMIT 1", p.productId()).isEmpty()) {
            throw new InvalidInputException("recall", List.of(new Problem("product", "no product " + p.productId()
                    + " at this station")));
        }
        return units(BY_PRODUCT, p.productId(), p.from().toString(), p.to().toString());
    }

    private List<RecalledUnit> units(String sql, Object... args) throws SQLException {
        List<RecalledUnit> units = new ArrayList<>();
        try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                units.add(unit(rs));
            }
        }
        return units;
    }

    private static RecalledUnit unit(ResultSet rs) throws SQLException {
        long time = rs.getLong(6);
        Optional<Instant> at = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(time));
        String order = rs.getString(13);
        Optional<RecalledUnit.ShipmentRef> shipment = order == null ? Optional.empty()
                : Optional.of(new RecalledUnit.ShipmentRef(order, Instant.ofEpochMilli(rs.getLong(14)),
                        new Buyer(rs.getString(15), rs.getString(16), rs.getString(17))));
        return new RecalledUnit(rs.getLong(1), rs.getString(2), rs.getString(3), Optional.ofNullable(rs.getString(4)),
                Optional.ofNullable(rs.getString(5)), at, rs.getString(7), rs.getLong(8), nonNull(rs.getString(9)),
                nonNull(rs.getString(10)), Optional.ofNullable(rs.getString(11)), Optional.ofNullable(rs.getString(12)),
                shipment);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    private Optional<String> text(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
        }
    }

    private PreparedStatement prepare(String sql, Object... args) throws SQLException {
        PreparedStatement ps = conn.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }
}

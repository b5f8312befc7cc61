package io.tracemark.pack;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * What a recall reads of each unit, one JSON array a unit and one JSON array of them a job: the JDBC driver's
     * cost is per column read (a native call each), so ten columns of ten thousand rows cost more than the query;
     * one text per job costs one. The order is restored after ({@link #ORDER}). The unit's job details, case,
     * pallet and shipment are few and shared by many units, so they are read once each ({@link #JOB},
     * {@link #CASE}, {@link #SHIPMENT}) instead of on every row.
     */
    private static final String COLUMNS = "SELECT json_group_array(json_array(u.id, c.code, u.state, u.reason, "
            + "u.grade, coalesce(u.verdict_at, u.sent_at), u.job_id, u.seq, l.parent_id, su.shipment_id)) ";
    private static final String TAIL = " JOIN codes c ON c.id = u.code_id LEFT JOIN pack_links l ON l.unit_id = u.id "
            + "LEFT JOIN shipped_units su ON su.unit_id = u.id ";
    private static final String ORDER = " GROUP BY u.job_id";
    private static final JsonFactory JSON = new JsonFactory();

    static final String BY_BATCH = COLUMNS + "FROM job_details d JOIN units u ON u.job_id = d.job_id" + TAIL
            + "WHERE d.batch = ?" + ORDER;
    static final String BY_PRODUCT = COLUMNS + "FROM job_details d JOIN units u ON u.job_id = d.job_id" + TAIL
            + "WHERE d.product_id = ? AND d.production_date BETWEEN ? AND ?" + ORDER;
    static final String BY_CODE = COLUMNS + "FROM codes k JOIN units u ON u.code_id = k.id" + TAIL + "WHERE k.code = ?"
            + ORDER;
    static final String BY_CASE = COLUMNS + "FROM parents q JOIN pack_links ql ON ql.parent_id = q.id "
            + "JOIN units u ON u.id = ql.unit_id" + TAIL + "WHERE q.sscc = ? AND q.kind = 'CASE'" + ORDER;
    static final String BY_PALLET = COLUMNS + "FROM parents p JOIN parents q ON q.pallet_id = p.id "
            + "JOIN pack_links ql ON ql.parent_id = q.id JOIN units u ON u.id = ql.unit_id" + TAIL
            + "WHERE p.sscc = ? AND p.kind = 'PALLET'" + ORDER;
    static final String JOB = "SELECT batch, product_id FROM job_details WHERE job_id = ?";
    static final String CASE = "SELECT bx.sscc, pl.sscc FROM parents bx LEFT JOIN parents pl ON pl.id = bx.pallet_id "
            + "WHERE bx.id = ?";
    static final String SHIPMENT = "SELECT order_number, sale_time, buyer_name, buyer_address, buyer_contact "
            + "FROM shipments WHERE id = ?";

    /** A case's SSCC and its pallet's. */
    private record CaseRef(Optional<String> sscc, Optional<String> pallet) {
    }

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
        Lookups lookups = new Lookups();
        try (PreparedStatement ps = prepare(sql, args); ResultSet rs = ps.executeQuery();
             PreparedStatement job = conn.prepareStatement(JOB);
             PreparedStatement box = conn.prepareStatement(CASE);
             PreparedStatement sale = conn.prepareStatement(SHIPMENT)) {
            while (rs.next()) {
                try (JsonParser p = JSON.createParser(rs.getString(1))) {
                    p.nextToken(); // the job's array
                    while (p.nextToken() == JsonToken.START_ARRAY) {
                        units.add(unit(p, lookups, job, box, sale));
                    }
                } catch (IOException e) {
                    throw new SQLException("unreadable recall row: " + e.getMessage(), e);
                }
            }
        }
        units.sort(Comparator.comparing(RecalledUnit::job).thenComparingLong(RecalledUnit::seq));
        return units;
    }

    /** Job details, cases and shipments read so far. */
    private static final class Lookups {
        final Map<String, String[]> jobs = new HashMap<>();
        final Map<Long, CaseRef> cases = new HashMap<>();
        final Map<Long, Optional<RecalledUnit.ShipmentRef>> shipments = new HashMap<>();
    }

    /** One unit's array: id, code, state, reason, grade, time, job, seq, case id, shipment id. */
    private static RecalledUnit unit(JsonParser p, Lookups seen, PreparedStatement job, PreparedStatement box,
                                     PreparedStatement sale) throws IOException, SQLException {
        long id = p.nextLongValue(0);
        String code = p.nextTextValue();
        String state = p.nextTextValue();
        String reason = text(p);
        String grade = text(p);
        Long time = number(p);
        String jobId = p.nextTextValue();
        long seq = p.nextLongValue(0);
        Long caseId = number(p);
        Long shipmentId = number(p);
        p.nextToken(); // end of the unit's array
        String[] details = seen.jobs.get(jobId);
        if (details == null) {
            details = job(job, jobId);
            seen.jobs.put(jobId, details);
        }
        CaseRef inCase = caseId == null ? NO_CASE : seen.cases.get(caseId);
        if (inCase == null) {
            inCase = caseRef(box, caseId);
            seen.cases.put(caseId, inCase);
        }
        Optional<RecalledUnit.ShipmentRef> shipment = shipmentId == null ? Optional.empty() : seen.shipments.get(shipmentId);
        if (shipment == null) {
            shipment = shipment(sale, shipmentId);
            seen.shipments.put(shipmentId, shipment);
        }
        return new RecalledUnit(id, code, state, Optional.ofNullable(reason), Optional.ofNullable(grade),
                Optional.ofNullable(time).map(Instant::ofEpochMilli), jobId, seq, details[0], details[1], inCase.sscc(),
                inCase.pallet(), shipment);
    }

    private static String text(JsonParser p) throws IOException {
        return p.nextToken() == JsonToken.VALUE_NULL ? null : p.getText();
    }

    private static Long number(JsonParser p) throws IOException {
        return p.nextToken() == JsonToken.VALUE_NULL ? null : p.getLongValue();
    }

    private static final CaseRef NO_CASE = new CaseRef(Optional.empty(), Optional.empty());

    private static String[] job(PreparedStatement ps, String jobId) throws SQLException {
        ps.setString(1, jobId);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new String[] {nonNull(rs.getString(1)), nonNull(rs.getString(2))} : new String[] {"", ""};
        }
    }

    private static CaseRef caseRef(PreparedStatement ps, long caseId) throws SQLException {
        ps.setLong(1, caseId);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new CaseRef(Optional.ofNullable(rs.getString(1)), Optional.ofNullable(rs.getString(2)))
                    : NO_CASE;
        }
    }

    private static Optional<RecalledUnit.ShipmentRef> shipment(PreparedStatement ps, long id) throws SQLException {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(new RecalledUnit.ShipmentRef(rs.getString(1),
                    Instant.ofEpochMilli(rs.getLong(2)), new Buyer(rs.getString(3), rs.getString(4), rs.getString(5))))
                    : Optional.empty();
        }
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

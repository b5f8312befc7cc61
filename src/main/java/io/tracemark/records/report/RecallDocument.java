package io.tracemark.records.report;

import io.tracemark.pack.Buyer;
import io.tracemark.pack.BuyerUnits;
import io.tracemark.pack.RecallResult;
import io.tracemark.pack.RecalledUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A recall result as one JSON-ready document (the {@code recall --json} output and the panel's
 * {@code GET /api/v1/recall}): counts, buyers with their unit counts, cases, pallets, then the units.
 * The buyer's contact is in it only when {@code withContact} (guideline 7.1.4: only for roles that need it).
 */
public final class RecallDocument {

    private RecallDocument() {
    }

    /**
     * @param withContact whether buyers' contacts are shown
     * @param unitLimit   at most this many units listed (the counts always cover all)
     */
    public static Map<String, Object> of(RecallResult r, boolean withContact, int unitLimit) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("selector", r.selector().describe());
        doc.put("units", r.units().size());
        doc.put("shipped", r.shipped());
        doc.put("inFactory", r.inFactory());
        doc.put("loose", r.loose());
        doc.put("buyers", r.buyers().stream().map(b -> buyer(b, withContact)).toList());
        doc.put("cases", r.cases().stream().map(c -> parent(c, true)).toList());
        doc.put("pallets", r.pallets().stream().map(p -> parent(p, false)).toList());
        doc.put("unitsListed", Math.min(unitLimit, r.units().size()));
        doc.put("unitList", r.units().stream().limit(unitLimit).map(u -> unit(u, withContact)).toList());
        doc.put("contactShown", withContact);
        return doc;
    }

    private static Map<String, Object> buyer(BuyerUnits b, boolean withContact) {
        Map<String, Object> m = buyerFields(b.buyer(), withContact);
        m.put("orders", b.orders());
        m.put("units", b.units());
        return m;
    }

    private static Map<String, Object> buyerFields(Buyer b, boolean withContact) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", b.name());
        m.put("address", b.address());
        if (withContact) {
            m.put("contact", b.contact());
        }
        return m;
    }

    private static Map<String, Object> parent(RecallResult.ParentUnits p, boolean isCase) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sscc", p.sscc());
        if (isCase) {
            m.put("pallet", p.pallet().orElse(null));
        }
        m.put("units", p.units());
        return m;
    }

    private static Map<String, Object> unit(RecalledUnit u, boolean withContact) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", u.code());
        m.put("state", u.state());
        m.put("verdict", u.verdict().orElse(null));
        m.put("grade", u.grade().orElse(null));
        m.put("time", u.time().map(Object::toString).orElse(null));
        m.put("job", u.job());
        m.put("seq", u.seq());
        m.put("batch", u.batch());
        m.put("product", u.productId());
        m.put("case", u.caseSscc().orElse(null));
        m.put("pallet", u.palletSscc().orElse(null));
        m.put("inFactory", u.inFactory());
        m.put("shipment", u.shipment().map(s -> {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("orderNumber", s.orderNumber());
            sm.put("saleTime", s.saleTime().toString());
            sm.put("buyer", buyerFields(s.buyer(), withContact));
            return sm;
        }).orElse(null));
        return m;
    }

    /** The CSV columns of a unit row, the header first ({@link RecallCsv}). */
    static final List<String> COLUMNS = List.of("code", "state", "verdict", "grade", "time", "job", "seq", "batch",
            "product", "case", "pallet", "inFactory", "orderNumber", "saleTime", "buyerName", "buyerAddress",
            "buyerContact");

    static List<String> row(RecalledUnit u) {
        return List.of(u.code(), u.state(), u.verdict().orElse(""), u.grade().orElse(""),
                u.time().map(Object::toString).orElse(""), u.job(), Long.toString(u.seq()), u.batch(), u.productId(),
                u.caseSscc().orElse(""), u.palletSscc().orElse(""), Boolean.toString(u.inFactory()),
                u.shipment().map(RecalledUnit.ShipmentRef::orderNumber).orElse(""),
                u.shipment().map(s -> s.saleTime().toString()).orElse(""),
                u.shipment().map(s -> s.buyer().name()).orElse(""),
                u.shipment().map(s -> s.buyer().address()).orElse(""),
                u.shipment().map(s -> s.buyer().contact()).orElse(""));
    }
}

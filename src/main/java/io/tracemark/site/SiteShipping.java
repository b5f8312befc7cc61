package io.tracemark.site;

import io.tracemark.pack.Buyer;
import io.tracemark.platform.wire.UnitEvent;
import io.tracemark.platform.wire.UnitEventType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shipments from the site's warehouse with flow information (guideline 5.3.3.4: buyer name, address,
 * contact, sale time; and the order number): opened, filled by dispatching closed pallets and loose
 * cases of any line, then closed. Closing marks the pallets shipped and stores one SHIPPED unit
 * event per unit in the site's outbox, in the same transaction, so the platform gets each exactly
 * once (key {@code <site>/shipped/<order>/<code>}).
 *
 * <p>The ship gate (guideline 4 d): a pallet or case is dispatched only when the real platform has
 * acknowledged every event of every unit inside (none waits in the site's outbox, none was refused);
 * otherwise the refusal gives the count still waiting and how far the outbox is behind.
 *
 * <p>The buyer's contact is confidential (7.1.4): stored, sent to the platform in the SHIPPED event
 * and shown in a recall, never in a log line, a refusal, the audit trail or a shipment reply.
 */
final class SiteShipping {

    /** What a shipment dispatches: a pallet or a loose case and the units in it. */
    record Item(String sscc, String kind, long units) {
    }

    /** A shipment as the API shows it (no contact). */
    record Shipment(String orderNumber, String buyerName, String buyerAddress, Instant saleTime, String state,
                    List<Item> items, long units) {
    }

    private final SiteDatabase db;
    private final WarehouseAudit audit;
    private final EventForwarder forwarder;
    private final String siteId;

    SiteShipping(SiteDatabase db, WarehouseAudit audit, EventForwarder forwarder, String siteId) {
        this.db = db;
        this.audit = audit;
        this.forwarder = forwarder;
        this.siteId = siteId;
    }

    /** Opens a shipment for an order (an order number once). */
    Shipment create(String orderNumber, Buyer buyer, Instant saleTime, String user) {
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO site_shipments(order_number, buyer_name,"
                    + " buyer_address, buyer_contact, sale_time, state, created_by) VALUES (?, ?, ?, ?, ?, 'OPEN', ?)"
                    + " ON CONFLICT (order_number) DO NOTHING")) {
                ps.setString(1, orderNumber);
                ps.setString(2, buyer.name());
                ps.setString(3, buyer.address());
                ps.setString(4, buyer.contact());
                ps.setTimestamp(5, Timestamp.from(saleTime));
                ps.setString(6, user);
                if (ps.executeUpdate() == 0) {
                    throw WarehouseRefusal.ORDER_EXISTS.because("order " + orderNumber + " has a shipment already");
                }
            }
            audit.record(c, user, "shipment.create", "order " + orderNumber + " to " + buyer.name());
            return shipment(c, orderNumber).orElseThrow();
        });
    }

    /** Adds a closed pallet or a loose case (by its SSCC) to the open shipment, behind the ship gate. */
    Shipment dispatch(String orderNumber, String scan, String user) {
        String sscc = SiteCases.normalised(scan);
        return db.inTransaction(c -> {
            lockOpen(c, orderNumber);
            String holder = holder(c, sscc);
            if (holder != null) {
                throw holder.equals(orderNumber)
                        ? WarehouseRefusal.SCANNED_TWICE.because(sscc + " is in shipment " + orderNumber
                        + " already (scanned twice)")
                        : WarehouseRefusal.IN_SHIPMENT.because(sscc + " is in shipment " + holder);
            }
            String kind;
            String what;
            if (SitePallets.exists(c, "SELECT 1 FROM site_pallets WHERE sscc = ?", sscc)) {
                String state = SitePallets.lockedState(c, sscc);
                what = "pallet " + sscc;
                if ("OPEN".equals(state)) {
                    throw WarehouseRefusal.PALLET_OPEN.because(what + " is still open: close it before it ships");
                }
                if ("SHIPPED".equals(state)) {
                    throw WarehouseRefusal.PALLET_SHIPPED.because(what + " has shipped already");
                }
                kind = "PALLET";
                for (SitePallets.PalletCase box : SitePallets.pallet(c, sscc).orElseThrow().cases()) {
                    SitePallets.requireVerifiedAndNotShipped(c, SitePallets.siteCase(c, box.sscc()).orElseThrow());
                }
            } else {
                SitePallets.SiteCase box = SitePallets.siteCase(c, sscc).orElseThrow(() -> WarehouseRefusal.UNKNOWN_CASE
                        .because(sscc + " is neither a pallet of the site nor a case a line reported"));
                what = "case " + sscc;
                if (box.palletSscc() != null) {
                    throw WarehouseRefusal.ON_A_PALLET.because(what + " is on pallet " + box.palletSscc()
                            + ": dispatch the pallet (it ships whole)");
                }
                SitePallets.requireComplete(box);
                SitePallets.requireVerifiedAndNotShipped(c, box);
                kind = "CASE";
            }
            gate(c, sscc, what);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO site_shipment_items(sscc, kind, order_number,"
                    + " added_by) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, sscc);
                ps.setString(2, kind);
                ps.setString(3, orderNumber);
                ps.setString(4, user);
                ps.executeUpdate();
            }
            audit.record(c, user, "shipment.dispatch", what + " into order " + orderNumber);
            return shipment(c, orderNumber).orElseThrow();
        });
    }

    /** Closes the shipment: pallets shipped, one SHIPPED event per unit into the outbox, in one transaction. */
    Shipment close(String orderNumber, String user) {
        Shipment closed = db.inTransaction(c -> {
            lockOpen(c, orderNumber);
            Shipment s = shipment(c, orderNumber).orElseThrow();
            if (s.items().isEmpty()) {
                throw WarehouseRefusal.SHIPMENT_EMPTY.because("shipment " + orderNumber + " is empty: nothing to close");
            }
            Map<String, String> details = new LinkedHashMap<>();
            String contact;
            try (PreparedStatement ps = c.prepareStatement("SELECT buyer_contact FROM site_shipments WHERE order_number = ?")) {
                ps.setString(1, orderNumber);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    contact = rs.getString(1);
                }
            }
            details.put("orderNumber", orderNumber);
            details.put("saleTime", s.saleTime().toString());
            details.put("buyerName", s.buyerName());
            details.put("buyerAddress", s.buyerAddress());
            details.put("buyerContact", contact);
            Map<String, List<UnitEvent>> byStation = shippedEvents(c, orderNumber, details, Instant.now());
            for (Map.Entry<String, List<UnitEvent>> e : byStation.entrySet()) {
                SiteEvents.store(c, e.getKey(), e.getValue());
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE site_pallets SET state = 'SHIPPED' WHERE sscc IN"
                    + " (SELECT sscc FROM site_shipment_items WHERE order_number = ? AND kind = 'PALLET')")) {
                ps.setString(1, orderNumber);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE site_shipments SET state = 'CLOSED', closed_at = now(),"
                    + " closed_by = ? WHERE order_number = ?")) {
                ps.setString(1, user);
                ps.setString(2, orderNumber);
                ps.executeUpdate();
            }
            audit.record(c, user, "shipment.close", "order " + orderNumber + " to " + s.buyerName() + ": " + s.units()
                    + " units in " + s.items().size() + " pallets and cases");
            return shipment(c, orderNumber).orElseThrow();
        });
        forwarder.wakeUp();
        return closed;
    }

    Optional<Shipment> shipment(String orderNumber) {
        return db.read(c -> shipment(c, orderNumber));
    }

    /** The SHIPPED event of every unit the shipment holds, per station that made the unit. */
    private Map<String, List<UnitEvent>> shippedEvents(Connection c, String orderNumber, Map<String, String> details,
                                                       Instant at) throws SQLException {
        Map<String, List<UnitEvent>> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT u.code, u.station_id, k.product_id, k.job_id, si.sscc,"
                + " (SELECT e.batch FROM unit_events e WHERE e.code = u.code AND e.batch IS NOT NULL LIMIT 1)"
                + " FROM site_shipment_items si"
                + " LEFT JOIN site_pallet_cases pc ON si.kind = 'PALLET' AND pc.pallet_sscc = si.sscc"
                + " JOIN site_case_units u ON u.case_sscc = coalesce(pc.case_sscc, si.sscc)"
                + " JOIN site_cases k ON k.sscc = u.case_sscc WHERE si.order_number = ? ORDER BY u.station_id, u.code")) {
            ps.setString(1, orderNumber);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Map<String, String> d = new LinkedHashMap<>(details);
                    if (rs.getString(6) != null) {
                        d.put(SiteEvents.BATCH, rs.getString(6));
                    }
                    String code = rs.getString(1);
                    out.computeIfAbsent(rs.getString(2), k -> new ArrayList<>()).add(new UnitEvent(siteId + "/shipped/"
                            + orderNumber + "/" + code, code, rs.getString(3), UnitEventType.SHIPPED, at, rs.getString(4),
                            null, rs.getString(5), d));
                }
            }
        }
        return out;
    }

    /** The ship gate: every event of every unit in {@code sscc} acknowledged by the platform. */
    private void gate(Connection c, String sscc, String what) throws SQLException {
        long units;
        long waiting;
        try (PreparedStatement ps = c.prepareStatement("WITH units AS (SELECT u.code FROM site_case_units u WHERE"
                + " u.case_sscc = ? OR u.case_sscc IN (SELECT case_sscc FROM site_pallet_cases WHERE pallet_sscc = ?))"
                + " SELECT (SELECT count(*) FROM units), (SELECT count(DISTINCT e.code) FROM unit_events e JOIN units"
                + " ON units.code = e.code WHERE EXISTS (SELECT 1 FROM event_outbox o WHERE o.seq = e.seq) OR EXISTS"
                + " (SELECT 1 FROM platform_refusals r WHERE r.idempotency_key = e.idempotency_key))")) {
            ps.setString(1, sscc);
            ps.setString(2, sscc);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                units = rs.getLong(1);
                waiting = rs.getLong(2);
            }
        }
        if (waiting > 0) {
            EventForwarder.Lag lag = forwarder.lag();
            throw WarehouseRefusal.SHIP_GATE.because(waiting + " of " + units + " units of " + what + " wait for the"
                    + " platform to acknowledge their trace events (site outbox: " + lag.events() + " unsent, "
                    + Math.round(lag.oldestSeconds()) + " s behind" + (lag.refused() > 0 ? ", " + lag.refused()
                    + " refused by the platform" : "") + "): not dispatched");
        }
    }

    private static void lockOpen(Connection c, String orderNumber) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT state FROM site_shipments WHERE order_number = ? FOR UPDATE")) {
            ps.setString(1, orderNumber);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw WarehouseRefusal.UNKNOWN_SHIPMENT.because("no shipment for order " + orderNumber);
                }
                if (!"OPEN".equals(rs.getString(1))) {
                    throw WarehouseRefusal.SHIPMENT_CLOSED.because("shipment " + orderNumber + " is closed: it has left");
                }
            }
        }
    }

    /** The order whose shipment holds {@code sscc} itself, or null. */
    private static String holder(Connection c, String sscc) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT order_number FROM site_shipment_items WHERE sscc = ?")) {
            ps.setString(1, sscc);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    static Optional<Shipment> shipment(Connection c, String orderNumber) throws SQLException {
        String name;
        String address;
        Instant sale;
        String state;
        try (PreparedStatement ps = c.prepareStatement("SELECT buyer_name, buyer_address, sale_time, state FROM"
                + " site_shipments WHERE order_number = ?")) {
            ps.setString(1, orderNumber);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                name = rs.getString(1);
                address = rs.getString(2);
                sale = rs.getTimestamp(3).toInstant();
                state = rs.getString(4);
            }
        }
        List<Item> items = new ArrayList<>();
        long units = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT si.sscc, si.kind, (SELECT count(*) FROM site_case_units u"
                + " WHERE u.case_sscc = si.sscc OR u.case_sscc IN (SELECT case_sscc FROM site_pallet_cases pc WHERE"
                + " pc.pallet_sscc = si.sscc)) FROM site_shipment_items si WHERE si.order_number = ?"
                + " ORDER BY si.added_at, si.sscc")) {
            ps.setString(1, orderNumber);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(new Item(rs.getString(1), rs.getString(2), rs.getLong(3)));
                    units += rs.getLong(3);
                }
            }
        }
        return Optional.of(new Shipment(orderNumber, name, address, sale, state, items, units));
    }
}

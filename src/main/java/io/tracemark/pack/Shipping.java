package io.tracemark.pack;

import io.tracemark.core.CodeState;
import io.tracemark.store.AuditLog;
import io.tracemark.store.Database;
import io.tracemark.store.Outbox;
import io.tracemark.store.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Shipments with flow information (guideline 5.3.3.4): an order to a buyer, filled at dispatch by scanning
 * pallets, cases or loose units (a pallet ships with its cases and their units), corrected while open, then
 * closed: its parents become SHIPPED and each unit gets a SHIPPED event for the platform with the sale time and
 * the buyer, in the same transaction.
 *
 * <p>The ship gate (guideline 4 d: trace information reaches the platform no later than the product leaves):
 * with {@code platformGate} on, a scan is refused while the platform has not acknowledged the verdict event of
 * every unit inside (and the aggregation event of its case); the refusal gives the count still waiting and how
 * far the outbox is behind. A station without a platform runs with the gate off.
 *
 * <p>The buyer's contact is written to the shipment and the platform event only: never to the audit log, a
 * refusal or a log line.
 */
public final class Shipping {

    private final Database db;
    private final Transactions writes;
    private final Clock clock;
    private final boolean platformGate;
    private final AuditLog audit;
    private final Outbox outbox;
    private final TraceEvents events;
    private final PackRules rules = new PackRules();

    public Shipping(Database db, Transactions writes, Clock clock, boolean platformGate) {
        this.db = db;
        this.writes = writes;
        this.clock = clock;
        this.platformGate = platformGate;
        this.audit = new AuditLog(db, clock);
        this.outbox = new Outbox(db, writes, clock);
        this.events = new TraceEvents(outbox);
    }

    /** Opens a shipment for an order; an order number is used once. */
    public Shipment create(String orderNumber, Buyer buyer, Instant saleTime, String actor) {
        if (orderNumber == null || orderNumber.isBlank()) {
            throw new io.tracemark.core.InvalidInputException("shipment", List.of(new io.tracemark.core.Problem(
                    "orderNumber", "required")));
        }
        long now = clock.millis();
        return writes.inTransaction(conn -> {
            if (ShipmentRows.shipment(conn, orderNumber).isPresent()) {
                throw new PackRefusedException(Refusal.ORDER_EXISTS, "order " + orderNumber + " has a shipment already",
                        Map.of("order", orderNumber));
            }
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO shipments (order_number, buyer_name, "
                    + "buyer_address, buyer_contact, sale_time, state, created_at, created_by) VALUES (?, ?, ?, ?, ?, 'OPEN', ?, ?)")) {
                ps.setString(1, orderNumber);
                ps.setString(2, buyer.name());
                ps.setString(3, buyer.address());
                ps.setString(4, buyer.contact());
                ps.setLong(5, saleTime.toEpochMilli());
                ps.setLong(6, now);
                ps.setString(7, actor);
                ps.executeUpdate();
            }
            audit.record(conn, actor, "shipment.create", "order " + orderNumber + " to " + buyer.name());
            return ShipmentRows.shipment(conn, orderNumber).orElseThrow();
        });
    }

    /**
     * Adds what {@code scan} names (a pallet's or case's SSCC, or a loose unit's code) to the open shipment.
     *
     * @throws PackRefusedException when the shipment is closed or unknown; the scan names nothing, an open,
     *         shipped or dissolved parent, a case on a pallet, a unit in a case or not VERIFIED; it is in a
     *         shipment already; or the ship gate holds it back
     */
    public Shipment dispatch(String orderNumber, String scan, String actor) {
        long now = clock.millis();
        return writes.inTransaction(conn -> {
            Shipment shipment = openShipment(conn, orderNumber);
            Item item = item(conn, scan);
            Optional<String> holder = ShipmentRows.holding(conn, item.column(), item.id());
            if (holder.isPresent()) {
                throw holder.get().equals(orderNumber)
                        ? new PackRefusedException(Refusal.SCANNED_TWICE, item.what() + " is in shipment " + orderNumber + " already (scanned twice)",
                                Map.of("what", item.what(), "order", orderNumber))
                        : new PackRefusedException(Refusal.IN_SHIPMENT, item.what() + " is in shipment " + holder.get(),
                                Map.of("what", item.what(), "order", holder.get()));
            }
            gate(conn, item);
            try (PreparedStatement ps = conn.prepareStatement("INSERT INTO shipment_items (shipment_id, " + item.column()
                    + ", added_at, added_by) VALUES (?, ?, ?, ?)")) {
                ps.setLong(1, shipment.id());
                ps.setLong(2, item.id());
                ps.setLong(3, now);
                ps.setString(4, actor);
                ps.executeUpdate();
            }
            return ShipmentRows.shipment(conn, orderNumber).orElseThrow();
        });
    }

    /** Takes a scanned item out of the open shipment again (a correction), with a reason. */
    public Shipment remove(String orderNumber, String scan, String actor, String reason) {
        return writes.inTransaction(conn -> {
            rules.requireReason(reason, "removing " + scan + " from shipment " + orderNumber);
            Shipment shipment = openShipment(conn, orderNumber);
            Item item = item(conn, scan);
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM shipment_items WHERE shipment_id = ? AND "
                    + item.column() + " = ?")) {
                ps.setLong(1, shipment.id());
                ps.setLong(2, item.id());
                if (ps.executeUpdate() == 0) {
                    throw new PackRefusedException(Refusal.NOT_IN_PARENT, item.what() + " is not in shipment " + orderNumber);
                }
            }
            audit.record(conn, actor, "shipment.correct", item.what() + " taken out of order " + orderNumber + ": " + reason);
            return ShipmentRows.shipment(conn, orderNumber).orElseThrow();
        });
    }

    /**
     * Closes the shipment: everything in it has left. Parents become SHIPPED, every unit is recorded shipped
     * once, and each unit's SHIPPED event (sale time, buyer) goes to the outbox, all in one transaction.
     */
    public Shipment close(String orderNumber, String actor) {
        long now = clock.millis();
        return writes.inTransaction(conn -> {
            Shipment shipment = openShipment(conn, orderNumber);
            if (shipment.items() == 0) {
                throw new PackRefusedException(Refusal.PARENT_EMPTY, "shipment " + orderNumber + " is empty: nothing to close");
            }
            try (PreparedStatement ps = conn.prepareStatement("UPDATE parents SET state = 'SHIPPED' WHERE id IN "
                    + "(SELECT parent_id FROM shipment_items WHERE shipment_id = ?) OR pallet_id IN "
                    + "(SELECT parent_id FROM shipment_items WHERE shipment_id = ?)")) {
                ps.setLong(1, shipment.id());
                ps.setLong(2, shipment.id());
                ps.executeUpdate();
            }
            Map<String, String> details = new LinkedHashMap<>();
            details.put("orderNumber", orderNumber);
            details.put("saleTime", shipment.saleTime().toString());
            details.put("buyerName", shipment.buyer().name());
            details.put("buyerAddress", shipment.buyer().address());
            details.put("buyerContact", shipment.buyer().contact());
            for (long unitId : ShipmentRows.unitsOf(conn, shipment.id())) {
                try (PreparedStatement ps = conn.prepareStatement("INSERT INTO shipped_units (unit_id, shipment_id) VALUES (?, ?)")) {
                    ps.setLong(1, unitId);
                    ps.setLong(2, shipment.id());
                    ps.executeUpdate();
                }
                shippedEvent(conn, unitId, shipment.id(), details, now);
            }
            try (PreparedStatement ps = conn.prepareStatement("UPDATE shipments SET state = 'CLOSED', closed_at = ?, "
                    + "closed_by = ? WHERE id = ?")) {
                ps.setLong(1, now);
                ps.setString(2, actor);
                ps.setLong(3, shipment.id());
                ps.executeUpdate();
            }
            Shipment closed = ShipmentRows.shipment(conn, orderNumber).orElseThrow();
            audit.record(conn, actor, "shipment.close", "order " + orderNumber + " to " + shipment.buyer().name()
                    + ": " + closed.units() + " units in " + closed.items() + " scans");
            return closed;
        });
    }

    /** Shipments still open (being loaded), newest first, at most 50. */
    public List<Shipment> openShipments() {
        return db.read(conn -> {
            List<Shipment> open = new java.util.ArrayList<>();
            for (String order : ShipmentRows.orders(conn, "OPEN", 50)) {
                open.add(ShipmentRows.shipment(conn, order).orElseThrow());
            }
            return open;
        });
    }

    /** What the shipment of an order holds: each scan as {@code pallet SSCC}, {@code case SSCC} or {@code unit CODE}. */
    public List<String> items(String orderNumber) {
        return db.read(conn -> {
            Shipment s = openOrClosed(conn, orderNumber);
            return ShipmentRows.items(conn, s.id());
        });
    }

    private static Shipment openOrClosed(Connection conn, String orderNumber) throws SQLException {
        return ShipmentRows.shipment(conn, orderNumber).orElseThrow(() -> new PackRefusedException(
                Refusal.UNKNOWN_SHIPMENT, "no shipment for order " + orderNumber, Map.of("order", orderNumber)));
    }

    /** The shipment of an order, if any. */
    public Optional<Shipment> shipment(String orderNumber) {
        return db.read(conn -> ShipmentRows.shipment(conn, orderNumber));
    }

    private void shippedEvent(Connection conn, long unitId, long shipmentId, Map<String, String> details, long now)
            throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT u.job_id, c.code, p.sscc FROM units u JOIN codes c "
                + "ON c.id = u.code_id LEFT JOIN pack_links l ON l.unit_id = u.id LEFT JOIN parents p ON p.id = l.parent_id "
                + "WHERE u.id = ?")) {
            ps.setLong(1, unitId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                events.shipped(conn, unitId, rs.getString(1), rs.getString(2), rs.getString(3), shipmentId, details, now);
            }
        }
    }

    private Shipment openShipment(Connection conn, String orderNumber) throws SQLException {
        Shipment s = ShipmentRows.shipment(conn, orderNumber).orElseThrow(() -> new PackRefusedException(
                Refusal.UNKNOWN_SHIPMENT, "no shipment for order " + orderNumber, Map.of("order", orderNumber)));
        if (!s.open()) {
            throw new PackRefusedException(Refusal.SHIPMENT_CLOSED, "shipment " + orderNumber + " is closed: it has left",
                    Map.of("order", orderNumber));
        }
        return s;
    }

    /** What a dispatch scan names: a parent or a loose unit, and its units. */
    private record Item(String column, long id, String what, List<Long> units) {
    }

    private Item item(Connection conn, String scan) throws SQLException {
        if (Sscc.looksLikeSscc(scan)) {
            Parent parent = rules.existing(conn, Sscc.parse(scan));
            String what = parent.kind().name().toLowerCase() + " " + parent.sscc();
            rules.requireNotShipped(parent, "dispatched again");
            rules.requireLive(parent, "dispatched");
            if (parent.state() == ParentState.OPEN) {
                throw new PackRefusedException(Refusal.CASE_OPEN, what + " is still open: close it before it ships",
                        Map.of("what", what));
            }
            if (parent.kind() == ParentKind.CASE && parent.palletSscc().isPresent()) {
                throw new PackRefusedException(Refusal.ON_A_PALLET, what + " is on pallet " + parent.palletSscc().get()
                        + ": scan the pallet (it ships whole), or move the case off it first");
            }
            if (parent.kind() == ParentKind.PALLET) {
                for (Parent box : PackRows.casesOn(conn, parent.id())) {
                    if (box.state() == ParentState.OPEN) {
                        throw new PackRefusedException(Refusal.CASE_OPEN, "case " + box.sscc() + " on " + what
                                + " is open again (rework): close it before the pallet ships");
                    }
                }
            }
            return new Item("parent_id", parent.id(), what, ShipmentRows.unitsOfParent(conn, parent));
        }
        ChildUnit unit = rules.knownUnit(conn, scan);
        String what = "unit " + unit.code();
        if (unit.state() != CodeState.VERIFIED) {
            throw new PackRefusedException(Refusal.NOT_VERIFIED, what + " is " + unit.state() + ": only verified units ship");
        }
        if (unit.caseId().isPresent()) {
            Sscc box = PackRows.parent(conn, unit.caseId().get()).orElseThrow().sscc();
            throw new PackRefusedException(Refusal.IN_A_CASE, what + " is in case " + box + ": scan the case (it ships whole)");
        }
        if (PackRows.number(conn, "SELECT count(*) FROM shipped_units WHERE unit_id = ?", unit.unitId()) > 0) {
            throw new PackRefusedException(Refusal.IN_SHIPMENT, what + " has shipped already");
        }
        return new Item("unit_id", unit.unitId(), what, List.of(unit.unitId()));
    }

    private void gate(Connection conn, Item item) throws SQLException {
        if (!platformGate) {
            return;
        }
        long waiting = ShipmentRows.awaitingPlatform(conn, item.units());
        if (waiting > 0) {
            Outbox.Backlog backlog = outbox.backlog();
            throw new PackRefusedException(Refusal.SHIP_GATE, waiting + " of " + item.units().size() + " units of "
                    + item.what() + " wait for the platform to acknowledge their trace events (outbox: "
                    + backlog.count() + " unsent, " + backlog.oldestAge().toSeconds() + " s behind): not dispatched",
                    Map.of("waiting", String.valueOf(waiting), "units", String.valueOf(item.units().size()), "what", item.what(),
                            "unsent", String.valueOf(backlog.count()), "behind", String.valueOf(backlog.oldestAge().toSeconds())));
        }
    }
}

package io.tracemark.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.InvalidInputException;
import io.tracemark.store.Outbox;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Shipments on a real SQLite file: dispatch by pallet, case or loose unit, corrections, close, the ship gate. */
class ShippingTest {

    private static final Buyer BUYER = new Buyer("广州示例贸易有限公司", "广州市天河区示例路 8 号", "020-87654321");
    private static final Instant SOLD = Instant.parse("2026-12-02T08:00:00Z");

    @TempDir
    Path dir;

    private PackFixture f;
    private Shipping shipping;
    private List<String> codes;
    private Parent pallet;
    private Parent caseOnPallet;
    private Parent looseCase;

    @BeforeEach
    void open() {
        f = new PackFixture(dir);
        shipping = new Shipping(f.db, f.db, Clock.systemUTC(), false);
        codes = f.job("J1", "P1", 12, 1);
        caseOnPallet = f.packs.close(f.caseOf(4, codes.subList(0, 4)).sscc(), "anna", null);
        Parent second = f.packs.close(f.caseOf(4, codes.subList(4, 8)).sscc(), "anna", null);
        pallet = f.packs.openPallet(2, "anna");
        f.packs.putOnPallet(pallet.sscc(), caseOnPallet.sscc(), "anna");
        f.packs.putOnPallet(pallet.sscc(), second.sscc(), "anna");
        pallet = f.packs.close(pallet.sscc(), "anna", null);
        looseCase = f.packs.close(f.caseOf(2, codes.subList(8, 10)).sscc(), "anna", null);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private String shipSnapshot() {
        return f.snapshot() + " items=" + f.db.count("SELECT count(*) FROM shipment_items") + " shipped="
                + f.db.count("SELECT count(*) FROM shipped_units") + " outbox=" + f.db.count("SELECT count(*) FROM outbox")
                + " open=" + f.db.count("SELECT count(*) FROM shipments WHERE state = 'OPEN'");
    }

    private void refused(Refusal refusal, String part, Executable request) {
        String before = shipSnapshot();
        PackRefusedException e = assertThrows(PackRefusedException.class, request);
        assertEquals(refusal, e.refusal(), e.getMessage());
        assertTrue(e.getMessage().contains(part), e.getMessage());
        assertFalse(e.getMessage().contains(BUYER.contact()), "the buyer's contact is in no message");
        assertEquals(before, shipSnapshot(), "nothing changed");
    }

    @Test
    void aPalletCaseAndLooseUnitShipWholeAndTheShipmentCarriesTheBuyer() {
        shipping.create("SO-1", BUYER, SOLD, "sam");
        assertEquals(8, shipping.dispatch("SO-1", pallet.sscc().elementString(), "sam").units(), "the pallet's cases' units");
        assertEquals(10, shipping.dispatch("SO-1", looseCase.sscc().digits(), "sam").units());
        Shipment s = shipping.dispatch("SO-1", codes.get(10), "sam");
        assertEquals(11, s.units());
        assertEquals(3, s.items());
        Shipment closed = shipping.close("SO-1", "sam");
        assertFalse(closed.open());
        assertEquals(ParentState.SHIPPED, f.packs.parent(pallet.sscc()).orElseThrow().state());
        assertEquals(ParentState.SHIPPED, f.packs.parent(caseOnPallet.sscc()).orElseThrow().state());
        assertEquals(ParentState.SHIPPED, f.packs.parent(looseCase.sscc()).orElseThrow().state());
        assertEquals(11, f.db.count("SELECT count(*) FROM shipped_units"));
        assertEquals(11, f.db.count("SELECT count(*) FROM outbox WHERE topic = 'unit.shipped' AND payload LIKE ? "
                + "AND payload LIKE '%\"type\":\"SHIPPED\"%' AND payload LIKE '%SO-1%'", "%" + BUYER.contact() + "%"),
                "each unit's SHIPPED event carries the order and the buyer to the platform");
        assertEquals(0, f.db.count("SELECT count(*) FROM audit_log WHERE detail LIKE ?", "%" + BUYER.contact() + "%"),
                "the buyer's contact is never in the audit log");
        assertTrue(BUYER.toString().contains("contact hidden"));
        assertEquals("广********司", BUYER.maskedName());
        refused(Refusal.PARENT_SHIPPED, "is shipped", () -> f.packs.unpack(pallet.sscc(), "sam", "x"));
        refused(Refusal.SHIPMENT_CLOSED, "is closed", () -> shipping.dispatch("SO-1", codes.get(11), "sam"));
    }

    @Test
    void everyDispatchRuleRefusesWithNothingChanged() {
        shipping.create("SO-1", BUYER, SOLD, "sam");
        shipping.create("SO-2", BUYER, SOLD, "sam");
        refused(Refusal.ORDER_EXISTS, "order SO-1 has a shipment", () -> shipping.create("SO-1", BUYER, SOLD, "sam"));
        refused(Refusal.ON_A_PALLET, "scan the pallet", () -> shipping.dispatch("SO-1", caseOnPallet.sscc().digits(), "sam"));
        refused(Refusal.IN_A_CASE, "scan the case", () -> shipping.dispatch("SO-1", codes.get(0), "sam"));
        refused(Refusal.NOT_VERIFIED, "is REJECTED", () -> shipping.dispatch("SO-1", codes.get(12), "sam"));
        Parent open = f.caseOf(3, codes.subList(11, 12));
        refused(Refusal.CASE_OPEN, "still open", () -> shipping.dispatch("SO-1", open.sscc().digits(), "sam"));
        refused(Refusal.UNKNOWN_SHIPMENT, "no shipment for order SO-9", () -> shipping.dispatch("SO-9", codes.get(10), "sam"));
        refused(Refusal.UNKNOWN_CODE, "not in the station's ledger", () -> shipping.dispatch("SO-1", "NOPE", "sam"));
        shipping.dispatch("SO-1", pallet.sscc().digits(), "sam");
        refused(Refusal.SCANNED_TWICE, "scanned twice", () -> shipping.dispatch("SO-1", pallet.sscc().digits(), "sam"));
        refused(Refusal.IN_SHIPMENT, "is in shipment SO-1", () -> shipping.dispatch("SO-2", pallet.sscc().digits(), "sam"));
        refused(Refusal.PARENT_EMPTY, "is empty", () -> shipping.close("SO-2", "sam"));
        assertThrows(InvalidInputException.class, () -> new Buyer("x", " ", null));
    }

    @Test
    void aScanIsTakenOutAgainBeforeTheShipmentCloses() {
        shipping.create("SO-1", BUYER, SOLD, "sam");
        shipping.dispatch("SO-1", pallet.sscc().digits(), "sam");
        shipping.dispatch("SO-1", looseCase.sscc().digits(), "sam");
        refused(Refusal.REASON_REQUIRED, "needs a reason", () -> shipping.remove("SO-1", looseCase.sscc().digits(), "sam", ""));
        assertEquals(8, shipping.remove("SO-1", looseCase.sscc().digits(), "sam", "wrong order").units());
        assertEquals(1, f.db.count("SELECT count(*) FROM audit_log WHERE action = 'shipment.correct' AND detail LIKE '%wrong order'"));
        shipping.close("SO-1", "sam");
        assertEquals(ParentState.CLOSED, f.packs.parent(looseCase.sscc()).orElseThrow().state(), "the removed case stayed");
        refused(Refusal.SHIPMENT_CLOSED, "is closed", () -> shipping.remove("SO-1", pallet.sscc().digits(), "sam", "late"));
    }

    @Test
    void theShipGateHoldsUnitsBackUntilThePlatformHasAcknowledgedTheirEvents() {
        Shipping gated = new Shipping(f.db, f.db, Clock.systemUTC(), true);
        gated.create("SO-1", BUYER, SOLD, "sam");
        // platform offline: nothing of the outbox was acknowledged
        refused(Refusal.SHIP_GATE, "8 of 8 units of pallet " + pallet.sscc() + " wait for the platform",
                () -> gated.dispatch("SO-1", pallet.sscc().digits(), "sam"));
        PackRefusedException e = assertThrows(PackRefusedException.class, () -> gated.dispatch("SO-1", codes.get(10), "sam"));
        assertTrue(e.getMessage().matches(".*outbox: \\d+ unsent, \\d+ s behind.*"), e.getMessage());

        // the platform back online: the sender marks what the platform acknowledged
        Outbox outbox = new Outbox(f.db);
        List<Outbox.OutboxMessage> pending = outbox.pending(10_000);
        outbox.markSent(pending.stream().filter(m -> !m.key().equals("unit-verdict/J1/5")).map(Outbox.OutboxMessage::id).toList());
        refused(Refusal.SHIP_GATE, "1 of 8 units", () -> gated.dispatch("SO-1", pallet.sscc().digits(), "sam"));
        outbox.markSent(outbox.pending(10_000).stream().map(Outbox.OutboxMessage::id).toList());
        assertEquals(8, gated.dispatch("SO-1", pallet.sscc().digits(), "sam").units());
    }

    @Test
    void closingACaseQueuesAnAggregationEventPerUnit() {
        assertEquals(10, f.db.count("SELECT count(*) FROM outbox WHERE topic = 'unit.aggregated' AND payload LIKE '%\"type\":\"AGGREGATED\"%'"));
        assertEquals(4, f.db.count("SELECT count(*) FROM outbox WHERE topic = 'unit.aggregated' AND payload LIKE ?",
                "%\"parent\":\"" + caseOnPallet.sscc().digits() + "\"%"));
    }
}

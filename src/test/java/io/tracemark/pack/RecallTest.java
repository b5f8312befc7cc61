package io.tracemark.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.InvalidInputException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recall on a real SQLite file: from a unit, a case, a pallet, a batch and a product's days; refusals; the notice. */
class RecallTest {

    @TempDir
    Path dir;

    private RecallFixture r;
    private Recalls recalls;

    @BeforeEach
    void open() {
        r = new RecallFixture(dir);
        recalls = new Recalls(r.f.db);
    }

    @AfterEach
    void close() {
        r.close();
    }

    private RecallResult find(String code, String batch, String product, String from, String to) {
        return recalls.find(RecallSelector.of(code, batch, product, from, to));
    }

    @Test
    void aBatchRecallFindsEveryUnitItsCasesPalletBuyersAndWhatIsStillInTheFactory() {
        RecallResult result = find(null, "B1", null, null, null);
        assertEquals(13, result.units().size());
        assertEquals(r.codes, result.units().stream().map(RecalledUnit::code).toList(), "every unit, in job order");
        assertEquals(2, result.inFactory(), "the loose verified unit and the rejected one never left");
        assertEquals(11, result.shipped());
        assertEquals(3, result.loose());
        assertEquals(List.of(r.caseA.sscc().digits(), r.caseB.sscc().digits(), r.caseC.sscc().digits()),
                result.cases().stream().map(RecallResult.ParentUnits::sscc).toList());
        assertEquals(Optional.of(r.pallet.sscc().digits()), result.cases().get(0).pallet());
        assertEquals(List.of(new RecallResult.ParentUnits(r.pallet.sscc().digits(), Optional.empty(), 8)), result.pallets());
        assertEquals(List.of(new BuyerUnits(RecallFixture.FIRST, List.of("SO-1"), 8),
                new BuyerUnits(RecallFixture.SECOND, List.of("SO-2"), 3)), result.buyers());

        RecalledUnit first = result.units().get(0);
        assertEquals("VERIFIED", first.state());
        assertEquals(Optional.of("A"), first.grade());
        assertEquals("J1", first.job());
        assertEquals("B1", first.batch());
        assertEquals("P1", first.productId());
        assertTrue(first.time().isPresent());
        assertEquals(Optional.of(r.caseA.sscc().digits()), first.caseSscc());
        assertEquals(Optional.of(r.pallet.sscc().digits()), first.palletSscc());
        assertEquals("SO-1", first.shipment().orElseThrow().orderNumber());
        assertEquals(RecallFixture.SOLD, first.shipment().orElseThrow().saleTime());
        RecalledUnit rejected = result.units().get(12);
        assertEquals("REJECTED", rejected.state());
        assertEquals(Optional.of("no-read"), rejected.verdict());
        assertTrue(rejected.inFactory());
        RecalledUnit looseShipped = result.units().get(10);
        assertEquals(Optional.empty(), looseShipped.caseSscc());
        assertEquals(RecallFixture.SECOND, looseShipped.shipment().orElseThrow().buyer());
        assertTrue(result.units().get(11).inFactory());
    }

    @Test
    void aUnitCodeFindsThatUnitWithItsCasePalletAndBuyer() {
        RecallResult result = find(r.codes.get(5), null, null, null, null);
        assertEquals(1, result.units().size());
        RecalledUnit u = result.units().get(0);
        assertEquals(r.codes.get(5), u.code());
        assertEquals(Optional.of(r.caseB.sscc().digits()), u.caseSscc());
        assertEquals(Optional.of(r.pallet.sscc().digits()), u.palletSscc());
        assertEquals(RecallFixture.FIRST, u.shipment().orElseThrow().buyer());
        assertEquals(1, find(r.codes.get(11), null, null, null, null).inFactory(), "a loose unit still here");
    }

    @Test
    void aCaseOrPalletSsccFindsEveryUnitInside() {
        RecallResult box = find(r.caseC.sscc().digits(), null, null, null, null);
        assertEquals(r.codes.subList(8, 10), box.units().stream().map(RecalledUnit::code).toList());
        assertEquals(List.of(new BuyerUnits(RecallFixture.SECOND, List.of("SO-2"), 2)), box.buyers());
        RecallResult pallet = find(r.pallet.sscc().elementString(), null, null, null, null);
        assertEquals(r.codes.subList(0, 8), pallet.units().stream().map(RecalledUnit::code).toList(), "(00) as scanned");
        assertEquals(2, pallet.cases().size());
        assertEquals(0, pallet.inFactory());
        assertEquals(8, find("00" + r.pallet.sscc().digits(), null, null, null, null).units().size(), "raw AI 00");
    }

    @Test
    void aProductRecallTakesTheJobsProducedInTheDays() {
        assertEquals(13, find(null, null, "P1", "2026-12-01", "2026-12-02").units().size());
        RecallResult both = find(null, null, "P1", "2026-11-01", "2026-12-31");
        assertEquals(16, both.units().size());
        assertEquals(5, both.inFactory());
        assertEquals(0, find(null, null, "P2", "2026-12-01", "2026-12-31").units().size(), "a product with nothing made then");
    }

    @Test
    void badInputIsRefusedNamingTheProblem() {
        refused("code", "is neither a unit's code nor a case's or pallet's SSCC", () -> find("NOPE", null, null, null, null));
        refused("batch", "no job of batch B9", () -> find(null, "B9", null, null, null));
        refused("product", "no product P9", () -> find(null, null, "P9", "2026-12-01", "2026-12-02"));
        refused("from", "'2026-13-01' is not a date", () -> find(null, null, "P1", "2026-13-01", "2026-12-02"));
        refused("from", "from 2026-12-03 is after to 2026-12-01", () -> find(null, null, "P1", "2026-12-03", "2026-12-01"));
        refused("to", "required with a product", () -> find(null, null, "P1", "2026-12-03", null));
        refused("selector", "none given", () -> find(null, " ", null, null, null));
        refused("selector", "2 given", () -> find(r.codes.get(0), "B1", null, null, null));
        refused("from", "go with a product only", () -> find(null, "B1", null, "2026-12-01", null));
    }

    @Test
    void aRecallNoticeIsRecordedAndQueuesARecalledEventPerVerifiedUnit() {
        String before = r.f.snapshot() + r.f.db.count("SELECT count(*) FROM outbox");
        refused("reason", "reason consumers are told is required",
                () -> recalls.announce(RecallSelector.of(null, "B1", null, null, null), " ", "2001"));
        refused("batch", "no job of batch B9", () -> recalls.announce(RecallSelector.of(null, "B9", null, null, null), "x", "2001"));
        assertEquals(before, r.f.snapshot() + r.f.db.count("SELECT count(*) FROM outbox"), "nothing stored");
        assertEquals(0, r.f.db.count("SELECT count(*) FROM recall_notices"));

        RecallNotice notice = recalls.announce(RecallSelector.of(null, "B1", null, null, null), "温控器存在过热风险", "2001");
        assertEquals(13, notice.units());
        assertEquals(12, notice.events(), "the rejected unit never left the line");
        assertEquals(12, r.f.db.count("SELECT count(*) FROM outbox WHERE topic = 'unit.recalled' AND payload LIKE "
                + "'%\"type\":\"RECALLED\"%' AND payload LIKE '%温控器存在过热风险%'"));
        assertEquals(1, r.f.db.count("SELECT count(*) FROM outbox WHERE topic = 'unit.recalled' AND payload LIKE ?",
                "%\"code\":\"" + r.codes.get(0) + "\"%"));
        assertEquals(List.of(notice), recalls.notices());
        assertEquals(1, r.f.db.count("SELECT count(*) FROM audit_log WHERE action = 'recall.notify' AND actor = '2001' "
                + "AND detail LIKE '%batch B1: 13 units, 11 shipped to 2 buyers, 12 RECALLED events%'"));
        for (Buyer b : List.of(RecallFixture.FIRST, RecallFixture.SECOND)) {
            assertEquals(0, r.f.db.count("SELECT count(*) FROM audit_log WHERE detail LIKE ?", "%" + b.contact() + "%"),
                    "a buyer's contact is never in the audit log");
        }
        RecallNotice again = recalls.announce(RecallSelector.of(r.codes.get(11), null, null, null, null), "复查", "2001");
        assertEquals(1, again.events());
        assertFalse(again.id() == notice.id());
    }

    private static void refused(String field, String part, org.junit.jupiter.api.function.Executable request) {
        InvalidInputException e = assertThrows(InvalidInputException.class, request);
        assertTrue(e.problems().stream().anyMatch(p -> p.where().equals(field)), e.getMessage());
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}

package io.tracemark.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/** Every packing rule on a real SQLite file: refused with a message naming the code and parent, nothing changed. */
class PackingRulesTest {

    @TempDir
    Path dir;

    private PackFixture f;
    private List<String> j1;

    @BeforeEach
    void open() {
        f = new PackFixture(dir);
        j1 = f.job("J1", "P1", 6, 1, 1); // 6 VERIFIED, 1 REJECTED, 1 still SENT
    }

    @AfterEach
    void close() {
        f.close();
    }

    private void refused(Refusal refusal, String messagePart, Executable request) {
        String before = f.snapshot();
        PackRefusedException e = assertThrows(PackRefusedException.class, request);
        assertEquals(refusal, e.refusal(), e.getMessage());
        assertTrue(e.getMessage().contains(messagePart), e.getMessage());
        assertEquals(before, f.snapshot(), "a refused request changed nothing");
    }

    @Test
    void verifiedUnitsArePackedWithEveryLinkJournalledWithJobAndUser() {
        Parent box = f.packs.openCase(3, null, null, false, "anna");
        assertEquals(ParentState.OPEN, box.state());
        assertTrue(box.sscc().digits().startsWith("06901234"), box.sscc().digits());
        box = f.packs.pack(box.sscc(), j1.get(0), "anna");
        box = f.packs.pack(box.sscc(), j1.get(1), "anna");
        assertEquals(2, box.children());
        assertEquals(java.util.Optional.of("J1"), box.jobId());
        assertEquals(java.util.Optional.of("P1"), box.productId());
        assertFalse(box.full());
        box = f.packs.pack(box.sscc(), j1.get(2), "anna");
        assertTrue(box.full());
        assertEquals(List.of(j1.get(0), j1.get(1), j1.get(2)), f.packs.codesIn(box.sscc()));
        assertEquals(box, f.packs.caseOf(j1.get(1)).orElseThrow());
        assertEquals(3, f.db.count("SELECT count(*) FROM pack_events WHERE action = 'LINK' AND job_id = 'J1' "
                + "AND actor = 'anna' AND at > 0 AND parent_id = ?", box.id()));
    }

    @Test
    void aUnitThatIsNotVerifiedIsRefused() {
        Parent box = f.packs.openCase(10, null, null, false, PackFixture.USER);
        refused(Refusal.NOT_VERIFIED, "is REJECTED, not VERIFIED", () -> f.packs.pack(box.sscc(), j1.get(6), "anna"));
        refused(Refusal.AWAITING_VERDICT, "is SENT and has no verdict yet", () -> f.packs.pack(box.sscc(), j1.get(7), "anna"));
        f.ledger.importCodes(List.of("TM900001"), "spare", "tm", code -> java.util.Optional.empty(), "x");
        refused(Refusal.NOT_VERIFIED, "never printed", () -> f.packs.pack(box.sscc(), "TM900001", "anna"));
        refused(Refusal.UNKNOWN_CODE, "not in the station's ledger", () -> f.packs.pack(box.sscc(), "NOPE", "anna"));
    }

    @Test
    void aUnitOfAnotherProductIsRefusedAndOfAnotherJobWhereTheCaseForbidsIt() {
        List<String> j2 = f.job("J2", "P1", 2, 0);
        List<String> j3 = f.job("J3", "P2", 2, 0);
        Parent strict = f.caseOf(10, List.of(j1.get(0)));
        refused(Refusal.OTHER_JOB, "holds job J1 only", () -> f.packs.pack(strict.sscc(), j2.get(0), "anna"));
        refused(Refusal.OTHER_PRODUCT, "is product P2, case " + strict.sscc() + " holds product P1",
                () -> f.packs.pack(strict.sscc(), j3.get(0), "anna"));

        Parent mixed = f.packs.openCase(10, "J1", "P1", true, "anna");
        f.packs.pack(mixed.sscc(), j1.get(1), "anna");
        assertEquals(2, f.packs.pack(mixed.sscc(), j2.get(0), "anna").children(), "same product, another job: allowed");
        refused(Refusal.OTHER_PRODUCT, "holds product P1", () -> f.packs.pack(mixed.sscc(), j3.get(0), "anna"));
    }

    @Test
    void aUnitInACaseAlreadyOrScannedTwiceIsRefused() {
        Parent first = f.caseOf(10, List.of(j1.get(0)));
        Parent second = f.packs.openCase(10, null, null, false, "anna");
        refused(Refusal.SCANNED_TWICE, "scanned twice", () -> f.packs.pack(first.sscc(), j1.get(0), "anna"));
        refused(Refusal.ALREADY_PACKED, "is in case " + first.sscc(), () -> f.packs.pack(second.sscc(), j1.get(0), "anna"));
    }

    @Test
    void aFullClosedOrUnknownParentIsRefused() {
        Parent full = f.caseOf(2, j1.subList(0, 2));
        refused(Refusal.PARENT_FULL, "is full (2 of 2)", () -> f.packs.pack(full.sscc(), j1.get(2), "anna"));
        Parent closed = f.packs.close(full.sscc(), "anna", null);
        assertEquals(ParentState.CLOSED, closed.state());
        refused(Refusal.PARENT_CLOSED, "is CLOSED", () -> f.packs.pack(full.sscc(), j1.get(2), "anna"));
        refused(Refusal.PARENT_CLOSED, "is CLOSED", () -> f.packs.close(full.sscc(), "anna", "again"));
        Sscc unknown = Sscc.of(0, "6901234", 999_999_999);
        refused(Refusal.UNKNOWN_PARENT, "no case or pallet has SSCC " + unknown, () -> f.packs.pack(unknown, j1.get(2), "anna"));
        Parent pallet = f.packs.openPallet(4, "anna");
        refused(Refusal.WRONG_KIND, "is a pallet, not a case", () -> f.packs.pack(pallet.sscc(), j1.get(2), "anna"));
    }

    @Test
    void aPartialCaseClosesOnlyWithAReasonAndAnEmptyOneNotAtAll() {
        Parent partial = f.caseOf(20, j1.subList(0, 3));
        refused(Refusal.REASON_REQUIRED, "closing partial case " + partial.sscc() + " (3 of 20) needs a reason",
                () -> f.packs.close(partial.sscc(), "sam", " "));
        Parent empty = f.packs.openCase(20, null, null, false, "anna");
        refused(Refusal.PARENT_EMPTY, "is empty", () -> f.packs.close(empty.sscc(), "sam", "batch end"));
        assertEquals(ParentState.CLOSED, f.packs.close(partial.sscc(), "sam", "batch end").state());
        assertEquals(1, f.db.count("SELECT count(*) FROM audit_log WHERE action = 'pack.close-partial' AND actor = 'sam' "
                + "AND detail LIKE '%3 of 20: batch end'"));
    }

    @Test
    void closedCasesGoOnAPalletUntilItIsFull() {
        Parent a = f.packs.close(f.caseOf(2, j1.subList(0, 2)).sscc(), "anna", null);
        Parent b = f.packs.close(f.caseOf(2, j1.subList(2, 4)).sscc(), "anna", null);
        Parent open = f.caseOf(2, j1.subList(4, 5));
        Parent pallet = f.packs.openPallet(1, "anna");
        refused(Refusal.CASE_OPEN, "is still open (1 of 2)", () -> f.packs.putOnPallet(pallet.sscc(), open.sscc(), "anna"));
        refused(Refusal.WRONG_KIND, "is a case, not a pallet", () -> f.packs.putOnPallet(a.sscc(), b.sscc(), "anna"));
        assertEquals(1, f.packs.putOnPallet(pallet.sscc(), a.sscc(), "anna").children());
        refused(Refusal.PARENT_FULL, "is full (1 of 1 cases)", () -> f.packs.putOnPallet(pallet.sscc(), b.sscc(), "anna"));
        Parent other = f.packs.openPallet(5, "anna");
        refused(Refusal.ALREADY_PACKED, "is on pallet " + pallet.sscc(), () -> f.packs.putOnPallet(other.sscc(), a.sscc(), "anna"));
        assertEquals(java.util.Optional.of(pallet.sscc()), f.packs.parent(a.sscc()).orElseThrow().palletSscc());
        assertEquals(List.of(a.sscc()), f.packs.casesOn(pallet.sscc()).stream().map(Parent::sscc).toList());
    }

    @Test
    void ssccsComeFromTheRangeOnceEachAndNeverAgainAfterARestart() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 5; i++) {
            assertTrue(seen.add(f.packs.openCase(1, null, null, false, "a").sscc().digits()));
        }
        f.close();
        f = new PackFixture(dir.resolve("other")); // a fresh station with the same range configured
        try (var db = io.tracemark.store.Database.open(dir)) {
            Aggregation again = new Aggregation(db);
            assertFalse(again.addSsccRange(PackFixture.RANGE, "config", "a"), "the configured range is there already");
            assertTrue(seen.add(again.openCase(1, null, null, false, "a").sscc().digits()), "not reissued after reopening");
            assertEquals(1000 - 6, again.ssccsLeft());
        }
    }

    @Test
    void anOverlappingRangeIsRefusedAndAnExhaustedOneSaysSo() {
        refused(Refusal.RANGE_OVERLAPS, "overlaps range 0/6901234/1..1000",
                () -> f.packs.addSsccRange(new SsccRange("69012340", 0, 0, 5), "platform", "a"));
        f.packs.addSsccRange(new SsccRange("6901234", 1, 0, 0), "tiny", "a");
        for (int i = 0; i < 1001; i++) {
            f.packs.openPallet(1, "a");
        }
        refused(Refusal.NO_SSCC_LEFT, "every SSCC of the 2 configured range(s) is used", () -> f.packs.openPallet(1, "a"));
    }

    @Test
    void theAccountingCountsPackedAndLooseUnitsPerJob() {
        f.caseOf(4, j1.subList(0, 4));
        PackAccounting books = f.packs.accounting("J1");
        assertEquals(6, books.verified());
        assertEquals(4, books.packed());
        assertEquals(2, books.loose());
        assertEquals(0, books.packedNotVerified());
        assertEquals(1, books.inCases());
        assertTrue(books.balanced(), books.toString());
    }
}

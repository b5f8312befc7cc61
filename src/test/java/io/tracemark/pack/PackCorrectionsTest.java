package io.tracemark.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpack, replace, move, rework and relabel: recorded transitions with user and reason, the books balanced after each. */
class PackCorrectionsTest {

    @TempDir
    Path dir;

    private PackFixture f;
    private List<String> codes;

    @BeforeEach
    void open() {
        f = new PackFixture(dir);
        codes = f.job("J1", "P1", 9, 1);
    }

    @AfterEach
    void close() {
        assertTrue(f.packs.accounting("J1").balanced(), f.packs.accounting("J1").toString());
        assertEquals(0, f.db.count("SELECT count(*) FROM (SELECT unit_id FROM pack_links GROUP BY unit_id HAVING count(*) > 1)"));
        f.close();
    }

    private long audited(String action, String actor, String reasonPart) {
        return f.db.count("SELECT count(*) FROM audit_log WHERE action = ? AND actor = ? AND detail LIKE ?",
                action, actor, "%" + reasonPart + "%");
    }

    @Test
    void unpackingACaseOnAPalletFreesItsUnitsAndTakesItOffThePallet() {
        Parent box = f.packs.close(f.caseOf(3, codes.subList(0, 3)).sscc(), "anna", null);
        Parent pallet = f.packs.openPallet(4, "anna");
        f.packs.putOnPallet(pallet.sscc(), box.sscc(), "anna");
        assertThrows(PackRefusedException.class, () -> f.packs.unpack(box.sscc(), "sam", ""));
        Parent after = f.packs.unpack(box.sscc(), "sam", "dropped case");
        assertEquals(ParentState.UNPACKED, after.state());
        assertEquals(0, after.children());
        assertEquals(Optional.empty(), after.palletSscc());
        assertEquals(0, f.packs.parent(pallet.sscc()).orElseThrow().children());
        assertEquals(3, f.packs.accounting("J1").loose() - 6, "the three units are loose again");
        assertEquals(3, f.db.count("SELECT count(*) FROM pack_events WHERE action = 'UNLINK' AND actor = 'sam' AND reason = 'dropped case'"));
        assertEquals(1, audited("pack.unpack", "sam", "dropped case"));
        // the units can go into another case; the old SSCC is dead
        Parent again = f.caseOf(3, codes.subList(0, 3));
        assertNotEquals(box.sscc(), again.sscc());
        PackRefusedException e = assertThrows(PackRefusedException.class, () -> f.packs.pack(box.sscc(), codes.get(3), "anna"));
        assertEquals(Refusal.PARENT_CLOSED, e.refusal());
    }

    @Test
    void unpackingAPalletFreesItsCases() {
        Parent a = f.packs.close(f.caseOf(2, codes.subList(0, 2)).sscc(), "anna", null);
        Parent pallet = f.packs.openPallet(4, "anna");
        f.packs.putOnPallet(pallet.sscc(), a.sscc(), "anna");
        f.packs.unpack(pallet.sscc(), "sam", "restack");
        assertEquals(Optional.empty(), f.packs.parent(a.sscc()).orElseThrow().palletSscc());
        assertEquals(2, f.packs.parent(a.sscc()).orElseThrow().children(), "the case keeps its units");
    }

    @Test
    void aDamagedUnitIsReplacedByAVerifiedOneAndTheCaseKeepsItsCount() {
        Parent box = f.packs.close(f.caseOf(3, codes.subList(0, 3)).sscc(), "anna", null);
        PackRefusedException notVerified = assertThrows(PackRefusedException.class,
                () -> f.packs.replace(box.sscc(), codes.get(1), codes.get(9), "sam", "damaged"));
        assertEquals(Refusal.NOT_VERIFIED, notVerified.refusal());
        PackRefusedException notIn = assertThrows(PackRefusedException.class,
                () -> f.packs.replace(box.sscc(), codes.get(5), codes.get(4), "sam", "damaged"));
        assertEquals(Refusal.NOT_IN_PARENT, notIn.refusal());
        Parent after = f.packs.replace(box.sscc(), codes.get(1), codes.get(4), "sam", "damaged");
        assertEquals(3, after.children());
        assertEquals(ParentState.CLOSED, after.state());
        assertEquals(List.of(codes.get(0), codes.get(2), codes.get(4)), f.packs.codesIn(box.sscc()));
        assertEquals(Optional.empty(), f.packs.caseOf(codes.get(1)));
        assertEquals(1, audited("pack.replace", "sam", codes.get(1) + " replaced by " + codes.get(4) + ": damaged"));
    }

    @Test
    void aCaseMovesToAnotherPalletWithAReason() {
        Parent box = f.packs.close(f.caseOf(2, codes.subList(0, 2)).sscc(), "anna", null);
        Parent p1 = f.packs.openPallet(4, "anna");
        Parent p2 = f.packs.openPallet(4, "anna");
        f.packs.putOnPallet(p1.sscc(), box.sscc(), "anna");
        assertEquals(Refusal.REASON_REQUIRED, assertThrows(PackRefusedException.class,
                () -> f.packs.moveCase(box.sscc(), p2.sscc(), "sam", null)).refusal());
        assertEquals(Refusal.SCANNED_TWICE, assertThrows(PackRefusedException.class,
                () -> f.packs.moveCase(box.sscc(), p1.sscc(), "sam", "x")).refusal());
        assertEquals(1, f.packs.moveCase(box.sscc(), p2.sscc(), "sam", "wrong truck").children());
        assertEquals(0, f.packs.parent(p1.sscc()).orElseThrow().children());
        assertEquals(Optional.of(p2.sscc()), f.packs.parent(box.sscc()).orElseThrow().palletSscc());
        assertEquals(1, audited("pack.move", "sam", "wrong truck"));
    }

    @Test
    void reworkTakesAUnitOutAndReopensItsCase() {
        Parent box = f.packs.close(f.caseOf(3, codes.subList(0, 3)).sscc(), "anna", null);
        f.packs.labelSent(box.sscc(), "line");
        f.packs.labelVerified(box.sscc(), "A", "line");
        Parent after = f.packs.rework(codes.get(2), "sam", "smudged print");
        assertEquals(ParentState.OPEN, after.state());
        assertEquals(2, after.children());
        assertEquals(Optional.empty(), after.labelState(), "the label gives the count: it is due again");
        assertEquals(Refusal.NOT_IN_PARENT, assertThrows(PackRefusedException.class,
                () -> f.packs.rework(codes.get(2), "sam", "again")).refusal());
        assertEquals(1, audited("pack.rework", "sam", "smudged print"));
        assertEquals(3, f.packs.pack(box.sscc(), codes.get(3), "anna").children());
    }

    @Test
    void aRejectedCaseLabelVoidsTheSsccAndMovesTheChildrenToANewOne() {
        Parent box = f.packs.close(f.caseOf(3, codes.subList(0, 3)).sscc(), "anna", null);
        Parent pallet = f.packs.openPallet(4, "anna");
        f.packs.putOnPallet(pallet.sscc(), box.sscc(), "anna");
        f.packs.labelSent(box.sscc(), "line");
        Parent relabelled = f.packs.labelRejected(box.sscc(), "no read", "line");
        assertNotEquals(box.sscc(), relabelled.sscc());
        assertEquals(ParentState.CLOSED, relabelled.state());
        assertEquals(3, relabelled.children());
        assertEquals(Optional.of(pallet.sscc()), relabelled.palletSscc());
        Parent old = f.packs.parent(box.sscc()).orElseThrow();
        assertEquals(ParentState.VOIDED, old.state());
        assertEquals(0, old.children());
        assertEquals(Optional.of("REJECTED"), old.labelState());
        assertEquals(List.of(relabelled.sscc()), f.packs.casesOn(pallet.sscc()).stream().map(Parent::sscc).toList());
    }

    @Test
    void nothingChangesInAShippedParent() {
        Parent box = f.packs.close(f.caseOf(2, codes.subList(0, 2)).sscc(), "anna", null);
        f.db.inTransaction(conn -> conn.createStatement().executeUpdate("UPDATE parents SET state = 'SHIPPED' WHERE id = " + box.id()));
        String before = f.snapshot();
        for (Runnable r : List.<Runnable>of(
                () -> f.packs.unpack(box.sscc(), "sam", "x"),
                () -> f.packs.replace(box.sscc(), codes.get(0), codes.get(5), "sam", "x"),
                () -> f.packs.rework(codes.get(0), "sam", "x"),
                () -> f.packs.pack(box.sscc(), codes.get(5), "sam"))) {
            assertEquals(Refusal.PARENT_SHIPPED, assertThrows(PackRefusedException.class, r::run).refusal());
        }
        assertEquals(before, f.snapshot());
    }
}

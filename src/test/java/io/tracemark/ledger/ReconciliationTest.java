package io.tracemark.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.CodeState;
import io.tracemark.core.TraceLevel;
import io.tracemark.store.Database;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReconciliationTest {

    @TempDir
    Path dir;

    private Database db;
    private CodeLedger ledger;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        ledger = new CodeLedger(db);
        Ledgers.importCodes(ledger, 1, 200);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theIdentityHoldsAfterEveryStepOfARandomItemLevelJob() {
        ledger.createJob("J1", TraceLevel.ITEM, 60, Ledgers.ACTOR);
        Random random = new Random(7);
        List<AllocatedCode> allocated = new ArrayList<>(ledger.allocate("J1", 60, Ledgers.ACTOR));
        assertBalanced(ledger.reconcile("J1"));
        int verified = 0;
        int rejected = 0;
        int voided = 0;
        List<Unit> inFlight = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            inFlight.add(ledger.markSent("J1", allocated.get(i).code(), Ledgers.ACTOR));
            if (inFlight.size() > 3 || random.nextInt(4) == 0) {
                Unit unit = inFlight.remove(0);
                switch (random.nextInt(10)) {
                    case 0 -> { ledger.reject(unit.id(), "no read", null, Ledgers.ACTOR); rejected++; }
                    case 1 -> { ledger.voidUnit(unit.id(), "jam", Ledgers.ACTOR); voided++; }
                    default -> { ledger.verify(unit.id(), "A", Ledgers.ACTOR); verified++; }
                }
            }
            assertBalanced(ledger.reconcile("J1"));
        }
        Reconciliation open = ledger.reconcile("J1");
        assertEquals(new Counts(60, 50, verified, rejected, voided, inFlight.size() + 10, 0), Counts.of(open));

        voided += ledger.voidInFlight("J1", "stop");
        assertEquals(10, ledger.releaseUnused("J1", Ledgers.ACTOR));
        Reconciliation ended = ledger.reconcile("J1");
        assertBalanced(ended);
        assertEquals(new Counts(60, 50, verified, rejected, voided, 0, 10), Counts.of(ended));
        assertEquals(JobState.ENDED, ended.state());
        assertEquals(0, ended.duplicates());
        assertEquals(List.of(ended), ledger.reconcileAll());
    }

    @Test
    void releasedCodesCanServeTheNextJobAndBothJobsBalance() {
        ledger.createJob("A", TraceLevel.ITEM, 5, Ledgers.ACTOR);
        ledger.allocate("A", 5, Ledgers.ACTOR);
        ledger.verify(ledger.markSent("A", "TM000001", Ledgers.ACTOR).id(), "A", Ledgers.ACTOR);
        ledger.releaseUnused("A", Ledgers.ACTOR);
        ledger.createJob("B", TraceLevel.COMBINED, 5, Ledgers.ACTOR);
        assertEquals("TM000002", ledger.allocate("B", 5, Ledgers.ACTOR).get(0).code());
        Reconciliation a = ledger.reconcile("A");
        Reconciliation b = ledger.reconcile("B");
        assertEquals(new Counts(5, 1, 1, 0, 0, 0, 4), Counts.of(a));
        assertEquals(new Counts(5, 0, 0, 0, 0, 5, 0), Counts.of(b));
        assertBalanced(a);
        assertBalanced(b);
    }

    @Test
    void aBatchLevelJobCountsUnitsAgainstItsOneCode() {
        ledger.createJob("B1", TraceLevel.BATCH, 10, Ledgers.ACTOR);
        assertEquals(new Counts(10, 0, 0, 0, 0, 10, 0), Counts.of(ledger.reconcile("B1")));
        assertThrows(LedgerException.class, () -> ledger.allocate("B1", 1, Ledgers.ACTOR));
        ledger.bindSharedCode("B1", "TM000100", Ledgers.ACTOR);
        assertEquals(Optional.of("TM000100"), ledger.job("B1").orElseThrow().sharedCode());
        assertThrows(LedgerException.class, () -> ledger.markSent("B1", "TM000101", Ledgers.ACTOR));

        List<Unit> units = new ArrayList<>(ledger.markSent("B1", List.of("TM000100", "TM000100", "TM000100"), Ledgers.ACTOR));
        units.add(ledger.markSent("B1", "TM000100", Ledgers.ACTOR));
        assertEquals(List.of(1, 2, 3, 4), units.stream().map(Unit::seq).toList());
        assertEquals(Optional.of(units.get(0).id()), ledger.unitByCode("TM000100").map(Unit::id), "oldest in flight first");
        ledger.verify(units.get(0).id(), "A", Ledgers.ACTOR);
        ledger.verify(units.get(1).id(), "A", Ledgers.ACTOR);
        ledger.reject(units.get(2).id(), "smudged", "F", Ledgers.ACTOR);
        assertThrows(IllegalTransitionException.class, () -> ledger.verify(units.get(0).id(), "A", Ledgers.ACTOR));
        assertEquals(Optional.of(CodeState.SENT), ledger.codeState("TM000100"), "the shared code itself stays SENT");
        assertEquals(new Counts(10, 4, 2, 1, 0, 7, 0), Counts.of(ledger.reconcile("B1")));

        assertEquals(6, ledger.releaseUnused("B1", Ledgers.ACTOR));
        Reconciliation ended = ledger.reconcile("B1");
        assertEquals(new Counts(10, 4, 2, 1, 0, 1, 6), Counts.of(ended));
        assertBalanced(ended);
        ledger.voidInFlight("B1", "end");
        assertEquals(new Counts(10, 4, 2, 1, 1, 0, 6), Counts.of(ledger.reconcile("B1")));
        assertEquals(0, Ledgers.unitsDisagreeingWithHistory(db));
    }

    @Test
    void anUnusedSharedCodeGoesBackAndPrintingBeyondThePlanExtendsIt() {
        ledger.createJob("P1", TraceLevel.PRODUCT, 0, Ledgers.ACTOR);
        ledger.bindSharedCode("P1", "TM000050", Ledgers.ACTOR);
        assertEquals(0, ledger.releaseUnused("P1", Ledgers.ACTOR));
        assertEquals(Optional.of(CodeState.AVAILABLE), ledger.codeState("TM000050"));

        ledger.createJob("P2", TraceLevel.PRODUCT, 1, Ledgers.ACTOR);
        ledger.bindSharedCode("P2", "TM000050", Ledgers.ACTOR);
        ledger.verify(ledger.markSent("P2", "TM000050", Ledgers.ACTOR).id(), "A", Ledgers.ACTOR);
        ledger.verify(ledger.markSent("P2", "TM000050", Ledgers.ACTOR).id(), "A", Ledgers.ACTOR);
        Reconciliation p2 = ledger.reconcile("P2");
        assertEquals(new Counts(2, 2, 2, 0, 0, 0, 0), Counts.of(p2));
        assertBalanced(p2);
    }

    @Test
    void aDuplicateVerificationIsCountedAndUnbalancesTheJob() {
        ledger.createJob("J1", TraceLevel.ITEM, 1, Ledgers.ACTOR);
        ledger.allocate("J1", 1, Ledgers.ACTOR);
        ledger.verify(ledger.markSent("J1", "TM000001", Ledgers.ACTOR).id(), "A", Ledgers.ACTOR);
        // the ledger never does this; simulate a corrupted or hand-edited database
        db.inTransaction(conn -> {
            try (Statement st = conn.createStatement()) {
                return st.executeUpdate("INSERT INTO units (job_id, code_id, seq, state) "
                        + "SELECT job_id, code_id, 2, 'VERIFIED' FROM units WHERE seq = 1");
            }
        });
        Reconciliation r = ledger.reconcile("J1");
        assertEquals(1, r.duplicates());
        assertFalse(r.balanced());
    }

    private static void assertBalanced(Reconciliation r) {
        assertTrue(r.balanced(), r.toString());
        assertEquals(r.allocated(), r.verified() + r.rejected() + r.voided() + r.inFlight() + r.released(), r.toString());
    }

    private record Counts(long allocated, long sent, long verified, long rejected, long voided, long inFlight, long released) {
        static Counts of(Reconciliation r) {
            return new Counts(r.allocated(), r.sent(), r.verified(), r.rejected(), r.voided(), r.inFlight(), r.released());
        }
    }
}

package io.tracemark.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.CodeState;
import io.tracemark.core.TraceLevel;
import io.tracemark.store.Database;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

class TransitionTest {

    @TempDir
    Path dir;

    private Database db;
    private CodeLedger ledger;

    @BeforeEach
    void open() {
        db = Database.open(dir);
        ledger = new CodeLedger(db);
        Ledgers.importCodes(ledger, 1, 20);
        ledger.createJob("J1", TraceLevel.ITEM, 10, Ledgers.ACTOR);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void theLifecycleAllowsExactlyTheDesignedChanges() {
        Set<String> legal = Set.of("AVAILABLE>ALLOCATED", "AVAILABLE>RETURNED", "AVAILABLE>QUARANTINED", "ALLOCATED>SENT", "ALLOCATED>AVAILABLE",
                "SENT>VERIFIED", "SENT>REJECTED", "SENT>VOIDED");
        for (CodeState from : CodeState.values()) {
            for (CodeState to : CodeState.values()) {
                assertEquals(legal.contains(from + ">" + to), Lifecycle.allowed(from, to), from + " -> " + to);
            }
        }
    }

    @Test
    void aCodeGoesAllTheWayWithEveryStepRecorded() {
        List<AllocatedCode> codes = ledger.allocate("J1", 3, "line-1");
        assertEquals(List.of("TM000001", "TM000002", "TM000003"), codes.stream().map(AllocatedCode::code).toList());
        assertEquals(Optional.of(CodeState.ALLOCATED), ledger.codeState("TM000001"));

        Unit u1 = ledger.markSent("J1", "TM000001", "line-1");
        Unit u2 = ledger.markSent("J1", "TM000002", "line-1");
        Unit u3 = ledger.markSent("J1", "TM000003", "line-1");
        assertEquals(List.of(1, 2, 3), List.of(u1.seq(), u2.seq(), u3.seq()));
        assertEquals(Optional.of(CodeState.SENT), ledger.codeState("TM000002"));

        assertEquals(CodeState.VERIFIED, ledger.verify(u1.id(), "A", "camera-1").state());
        Unit rejected = ledger.reject(u2.id(), "grade D below C", "D", "camera-1");
        assertEquals(Optional.of("grade D below C"), rejected.reason());
        assertEquals(CodeState.VOIDED, ledger.voidUnit(u3.id(), "printer fault", "line-1").state());

        assertEquals(Optional.of(CodeState.VERIFIED), ledger.codeState("TM000001"));
        assertEquals(Optional.of(CodeState.REJECTED), ledger.codeState("TM000002"));
        assertEquals(Optional.of(CodeState.VOIDED), ledger.codeState("TM000003"));
        assertEquals(Optional.of(u2.id()), ledger.unitByCode("TM000002").map(Unit::id));
        assertEquals(1, db.count("SELECT count(*) FROM transitions WHERE code_id = (SELECT id FROM codes WHERE code = 'TM000002') "
                + "AND from_state = 'SENT' AND to_state = 'REJECTED' AND job_id = 'J1' AND actor = 'camera-1' "
                + "AND reason = 'grade D below C' AND at > 0"));
        assertEquals(9, db.count("SELECT count(*) FROM transitions"));
        assertEquals(3, ledger.outbox().backlog().count(), "one outbox event per final verdict");
        assertEquals(0, Ledgers.codesDisagreeingWithHistory(db));
        assertEquals(0, Ledgers.unitsDisagreeingWithHistory(db));
    }

    @Test
    void releaseAndReturnAreTheOnlyWaysBack() {
        ledger.allocate("J1", 2, Ledgers.ACTOR);
        ledger.markSent("J1", "TM000001", Ledgers.ACTOR);
        assertEquals(1, ledger.releaseUnused("J1", Ledgers.ACTOR));
        assertEquals(Optional.of(CodeState.AVAILABLE), ledger.codeState("TM000002"));
        assertEquals(Optional.of(CodeState.SENT), ledger.codeState("TM000001"));
        assertEquals(0, ledger.releaseUnused("J1", Ledgers.ACTOR), "releasing twice changes nothing");
        assertEquals(JobState.ENDED, ledger.job("J1").orElseThrow().state());

        assertEquals(2, ledger.returnCodes(List.of("TM000002", "TM000003"), "platform"));
        assertEquals(Optional.of(CodeState.RETURNED), ledger.codeState("TM000003"));
    }

    @Test
    void everyIllegalChangeThrowsNamingCodeFromAndToAndChangesNothing() {
        ledger.createJob("J2", TraceLevel.ITEM, 10, Ledgers.ACTOR);
        ledger.allocate("J1", 5, Ledgers.ACTOR); // TM000001..5
        ledger.allocate("J2", 1, Ledgers.ACTOR); // TM000006
        Unit verified = ledger.markSent("J1", "TM000001", Ledgers.ACTOR);
        ledger.verify(verified.id(), "A", Ledgers.ACTOR);
        Unit rejected = ledger.markSent("J1", "TM000002", Ledgers.ACTOR);
        ledger.reject(rejected.id(), "no read", null, Ledgers.ACTOR);
        Unit voided = ledger.markSent("J1", "TM000003", Ledgers.ACTOR);
        ledger.voidUnit(voided.id(), "stop", Ledgers.ACTOR);
        ledger.markSent("J1", "TM000004", Ledgers.ACTOR);
        ledger.returnCodes(List.of("TM000020"), Ledgers.ACTOR);

        illegal("TM000001", CodeState.VERIFIED, CodeState.VERIFIED, () -> ledger.verify(verified.id(), "A", "x"));
        illegal("TM000001", CodeState.VERIFIED, CodeState.REJECTED, () -> ledger.reject(verified.id(), "r", null, "x"));
        illegal("TM000001", CodeState.VERIFIED, CodeState.VOIDED, () -> ledger.voidUnit(verified.id(), "r", "x"));
        illegal("TM000002", CodeState.REJECTED, CodeState.VERIFIED, () -> ledger.verify(rejected.id(), "A", "x"));
        illegal("TM000002", CodeState.REJECTED, CodeState.VOIDED, () -> ledger.voidUnit(rejected.id(), "r", "x"));
        illegal("TM000003", CodeState.VOIDED, CodeState.VERIFIED, () -> ledger.verify(voided.id(), "A", "x"));
        illegal("TM000004", CodeState.SENT, CodeState.SENT, () -> ledger.markSent("J1", "TM000004", "x"));
        illegal("TM000001", CodeState.VERIFIED, CodeState.SENT, () -> ledger.markSent("J1", "TM000001", "x"));
        illegal("TM000010", CodeState.AVAILABLE, CodeState.SENT, () -> ledger.markSent("J1", "TM000010", "x"));
        illegal("TM000020", CodeState.RETURNED, CodeState.SENT, () -> ledger.markSent("J1", "TM000020", "x"));
        illegal("TM000005", CodeState.ALLOCATED, CodeState.RETURNED, () -> ledger.returnCodes(List.of("TM000005"), "x"));
        illegal("TM000004", CodeState.SENT, CodeState.RETURNED, () -> ledger.returnCodes(List.of("TM000011", "TM000004"), "x"));
        illegal("TM000020", CodeState.RETURNED, CodeState.RETURNED, () -> ledger.returnCodes(List.of("TM000020"), "x"));
        // a batch of sends is all or nothing: the good first code is not sent either
        illegal("TM000004", CodeState.SENT, CodeState.SENT, () -> ledger.markSent("J1", List.of("TM000005", "TM000004"), "x"));
        assertEquals(Optional.of(CodeState.ALLOCATED), ledger.codeState("TM000005"));

        refused("allocated to job J2", () -> ledger.markSent("J1", "TM000006", "x"));
        refused("not in the ledger", () -> ledger.markSent("J1", "NOPE", "x"));
        refused("unit 999 does not exist", () -> ledger.verify(999, "A", "x"));
        refused("job J9 does not exist", () -> ledger.allocate("J9", 1, "x"));
        refused("already exists", () -> ledger.createJob("J1", TraceLevel.ITEM, 1, "x"));
        ledger.releaseUnused("J2", Ledgers.ACTOR);
        refused("job J2 has ended", () -> ledger.allocate("J2", 1, "x"));
        refused("job J2 has ended", () -> ledger.markSent("J2", "TM000006", "x"));
    }

    @Test
    void sentUnitsInFlightAreVoidedWithTheirReason() {
        ledger.allocate("J1", 4, Ledgers.ACTOR);
        Unit done = ledger.markSent("J1", "TM000001", Ledgers.ACTOR);
        ledger.verify(done.id(), "B", Ledgers.ACTOR);
        ledger.markSent("J1", List.of("TM000002", "TM000003"), Ledgers.ACTOR);
        assertEquals(List.of(2, 3), ledger.inFlight("J1").stream().map(Unit::seq).toList());

        assertEquals(2, ledger.voidInFlight("J1", CodeLedger.RECOVERED_AFTER_CRASH));
        assertEquals(List.of(), ledger.inFlight("J1"));
        assertEquals(Optional.of(CodeState.VOIDED), ledger.codeState("TM000003"));
        assertEquals(2, db.count("SELECT count(*) FROM units WHERE reason = ? AND state = 'VOIDED'", CodeLedger.RECOVERED_AFTER_CRASH));
        assertEquals(Optional.of(CodeState.ALLOCATED), ledger.codeState("TM000004"), "not yet sent: untouched");
        assertEquals(0, ledger.voidInFlight("J1", "again"));
    }

    private void illegal(String code, CodeState from, CodeState to, Executable change) {
        String before = Ledgers.snapshot(db);
        IllegalTransitionException e = assertThrows(IllegalTransitionException.class, change);
        assertEquals(code, e.code());
        assertEquals(from, e.from());
        assertEquals(to, e.to());
        assertTrue(e.getMessage().contains(code + ": " + from + " -> " + to), e.getMessage());
        assertEquals(before, Ledgers.snapshot(db), "an illegal change must change nothing");
        assertFalse(Lifecycle.allowed(from, to));
    }

    private void refused(String message, Executable change) {
        String before = Ledgers.snapshot(db);
        LedgerException e = assertThrows(LedgerException.class, change);
        assertTrue(e.getMessage().contains(message), e.getMessage());
        assertEquals(before, Ledgers.snapshot(db));
    }

}

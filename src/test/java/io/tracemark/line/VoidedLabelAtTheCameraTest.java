package io.tracemark.line;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tracemark.core.CodeState;
import io.tracemark.core.TraceLevel;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.CodeValidator;
import io.tracemark.ledger.Unit;
import io.tracemark.sim.GatePlan;
import io.tracemark.sim.VirtualRejectGate;
import io.tracemark.store.Database;
import io.tracemark.verify.Expectation;
import io.tracemark.verify.Grade;
import io.tracemark.verify.ReadResult;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A unit voided while its label is on its way to the camera (in flight at a stop, or voided by a
 * supervisor) carries a code that is VOIDED: when its label still reaches the camera, the gate throws
 * the product out, on the real matcher, ledger and gate. A late result of a unit already rejected (the
 * gate fired for it then) does not fire again.
 */
class VoidedLabelAtTheCameraTest {

    private static final String JOB = "J1";

    @TempDir
    Path dir;

    @Test
    void theLabelsOfUnitsVoidedInFlightAreThrownOutWhenTheyReachTheCamera() {
        try (Database db = Database.open(dir); VirtualRejectGate gate = new VirtualRejectGate("gate-1", GatePlan.NONE, 100)) {
            CodeLedger ledger = new CodeLedger(db);
            ledger.importCodes(List.of("C1", "C2", "C3", "C4"), "test", "plain", CodeValidator.anyCode(), "tester");
            ledger.createJob(JOB, TraceLevel.ITEM, 4, "tester");
            ledger.allocate(JOB, 4, "tester");
            List<String> stops = new CopyOnWriteArrayList<>();
            UnitMatcher matcher = new UnitMatcher(ledger, Clock.systemUTC(),
                    new RejectActuator(gate, false, cause -> stops.add(cause.cause())), new UnitMatcher.Events() {
                        @Override
                        public void judged(UnitVerdict verdict, Judgement judgement) {
                        }

                        @Override
                        public void stop(StopCause cause) {
                            stops.add(cause.cause());
                        }
                    }, Runnable::run);
            matcher.begin(new UnitMatcher.JobRules(TraceLevel.ITEM, Grade.C, 10, Duration.ofSeconds(30)), Set.of());
            Unit u1 = send(matcher, ledger, "C1");
            Unit u2 = send(matcher, ledger, "C2");
            Unit u3 = send(matcher, ledger, "C3");
            matcher.printed(List.of(u1.id(), u2.id(), u3.id()));
            matcher.result(read("C1", 1));
            matcher.voidPending(u2.id(), () -> ledger.voidUnit(u2.id(), "jam", "supervisor"));
            matcher.halt(() -> ledger.voidInFlight(JOB, "line.stop", "tester")); // 3 printed, its result not in yet
            matcher.result(read("C2", 2)); // the voided labels pass the camera after all
            matcher.result(read("C3", 3));

            assertEquals(List.of(u2.id(), u3.id()), gate.fired(), "both voided products thrown out, the good one kept");
            assertEquals(Optional.of(CodeState.VOIDED), ledger.codeState("C2"));
            assertEquals(Optional.of(CodeState.VOIDED), ledger.codeState("C3"));
            assertEquals(Optional.of(CodeState.VERIFIED), ledger.codeState("C1"));
            assertEquals(2, matcher.pairingCounts().stale(), "two stale results, both of voided labels");
            assertEquals(2, matcher.pairingCounts().voidedSeen());
            assertEquals(List.of(), stops, "throwing a voided label out stops nothing");
        }
    }

    private static Unit send(UnitMatcher matcher, CodeLedger ledger, String code) {
        Unit unit = ledger.markSent(JOB, code, "tester");
        matcher.expect(new PendingUnit(unit.id(), unit.seq(), code, Expectation.parse(code), Instant.now(), null));
        return unit;
    }

    private static ReadResult read(String data, long trigger) {
        return new ReadResult.Read(data, "", Optional.empty(), Optional.empty(), Instant.now(), OptionalLong.of(trigger));
    }
}

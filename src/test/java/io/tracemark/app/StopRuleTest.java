package io.tracemark.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.TracemarkException;
import io.tracemark.ledger.Reconciliation;
import io.tracemark.line.Alarm;
import io.tracemark.line.LineSettings;
import io.tracemark.line.PackMlState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each stop rule on the simulated line with a seeded fault plan: the line aborts, exactly the units
 * in flight are voided (with the cause as reason), the right alarm is raised, the books balance;
 * after fixing the device, clear and restart finish the job.
 */
class StopRuleTest {

    @TempDir
    Path dir;

    /**
     * No rule under test waits for a verdict timeout: each stops the line on a device's own report or on
     * the camera's results. The timeout (which also judges a camera silent when it delivers nothing for
     * that long) is therefore one a loaded machine cannot reach while the station decodes a frame, damaged
     * or not, so only the rule under test can stop the line (at load 15 a 1.5 s timeout was reached, by
     * the first damaged frame and after a restart).
     */
    private static final Duration NOT_UNDER_TEST = Duration.ofSeconds(30);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "printer.paperOutAfter=12, printer.paperOut, 3",
            "printer.headOpenAt=12, printer.headOpen, 3",
            "camera.defectRate=1.0, rejects.consecutive, 3",
            "camera.defectRate=1.0|gate.unconfirmedAt=2, gate.unconfirmed, 50",
            "camera.failAt=8, scanner.fault, 3",
    })
    void stopRuleAbortsVoidsInFlightAndBalances(String faults, String cause, int rejectLimit) {
        LineSettings settings = LineRig.quick().withConsecutiveRejectLimit(rejectLimit)
                .withVerdictTimeout(NOT_UNDER_TEST);
        try (LineRig rig = new LineRig(dir, faults.replace('|', ','), settings)) {
            rig.line.start(LineRig.job(60), "tester");
            rig.awaitState(PackMlState.ABORTED);
            List<Alarm> alarms = rig.line.snapshot().alarms();
            assertEquals(1, alarms.size(), "one alarm: " + alarms);
            assertEquals(cause, alarms.get(0).cause());
            assertEquals(Alarm.Severity.FAULT, alarms.get(0).severity());
            Reconciliation r = rig.assertBooksHold();
            assertEquals(r.voided(), rig.unitsWithReason(cause), "every voided unit was in flight at this stop");
            assertEquals(r.sent(), r.verified() + r.rejected() + r.voided());
            if (cause.equals("rejects.consecutive")) {
                // the limit posts the stop; a label the camera read while it was being posted still gets its
                // real verdict (REJECTED, gate fired): at most the labels already out, lookAhead of them
                assertTrue(r.rejected() >= rejectLimit && r.rejected() <= rejectLimit + settings.lookAhead(),
                        "rejected " + r.rejected() + ", limit " + rejectLimit);
                assertEquals(0, r.verified());
            }
            assertTrue(r.sent() < 60, "stopped before the end: " + r);

            TracemarkException unseen = assertThrows(TracemarkException.class, () -> rig.line.restart("tester"));
            assertTrue(unseen.getMessage().contains("acknowledge the alarm first"), unseen.getMessage());
            assertThrows(TracemarkException.class, () -> rig.line.clear("tester"));
            assertEquals(PackMlState.ABORTED, rig.line.snapshot().state(), "refused: still aborted");
            rig.line.acknowledgeAlarm(alarms.get(0).id(), "tester");
            if (cause.equals("scanner.fault")) {
                TracemarkException dead = assertThrows(TracemarkException.class, () -> rig.line.restart("tester"));
                assertTrue(dead.getMessage().contains("scanner camera-1 is not working"), dead.getMessage());
                assertEquals(0, rig.units("SENT"), "nothing printed by the refused restart");
            }
            if (cause.equals("printer.paperOut") || cause.equals("printer.headOpen")) {
                rig.sim.fixDevices();
                rig.line.restart("tester");
                rig.awaitState(PackMlState.COMPLETE);
                rig.line.endBatch("tester");
                Reconciliation done = rig.assertBooksHold();
                assertEquals(60, done.verified());
                assertEquals(r.voided(), done.voided(), "nothing voided twice, nothing reprinted");
            }
        }
    }
}

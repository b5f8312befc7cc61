package io.tracemark.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.cli.CommandRun;
import io.tracemark.ledger.GateCount;
import io.tracemark.ledger.Reconciliation;
import io.tracemark.line.Alarm;
import io.tracemark.line.LineSettings;
import io.tracemark.line.PackMlState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulated line's own {@code sim://} gate with a reject counter (fault plan {@code gate.counter},
 * implied by {@code gate.missedAt} / {@code gate.extraAt}): the station reads it back like a PLC's and
 * reconciles it with its fires per job. A pulse the gate missed or counted twice is a mismatch in the
 * job's accounting, an alarm on the line and a failed {@code reconcile}; a missed pulse on a gate with
 * a sensor goes unconfirmed and stops the line. A third of the labels are missing from the camera's
 * view, so those units are rejected (the challenge is off: the first pulse is the first reject).
 */
class VirtualGateCountTest {

    private static final String REJECTS = "camera.missingRate=0.3";
    private static final int UNITS = 30;

    @TempDir
    Path dir;

    /**
     * Rejects never stop these jobs, and the verdict timeout (nothing here waits for it) is one a loaded
     * machine cannot reach, so only the gate can stop the line.
     */
    private static LineSettings settings() {
        return LineRig.quick().withConsecutiveRejectLimit(UNITS * 2).withVerdictTimeout(Duration.ofSeconds(30));
    }

    @Test
    void aCounterThatCountsEveryFireMatches() {
        Reconciliation books;
        try (LineRig rig = new LineRig(dir, REJECTS + ",gate.confirms=false,gate.counter=true", settings())) {
            DemoRun.Outcome outcome = runJob(rig);
            books = outcome.books().orElseThrow();
            GateCount gate = single(outcome.gates());
            assertTrue(books.rejected() >= 2, "rejects to count: " + books);
            assertEquals(books.rejected(), gate.stationFires(), gate.describe());
            assertEquals(books.rejected(), gate.plcRejects().getAsLong(), gate.describe());
            assertTrue(gate.matches() && outcome.gatesMatch(), gate.describe());
            assertEquals(books.rejected(), rig.sim.gate().plcRejectCount());
        }
        CommandRun r = reconcile(books.job());
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("gate " + SimulatedLine.GATE + ": station fired " + books.rejected()
                + ", PLC counted " + books.rejected() + ", matches"), r.out());
    }

    @Test
    void aPulseTheGateMissedIsAMismatchInTheAccountsAnAlarmAndAFailedReconcile() throws Exception {
        Reconciliation books;
        try (LineRig rig = new LineRig(dir, REJECTS + ",gate.confirms=false,gate.missedAt=2", settings())) {
            DemoRun.Outcome outcome = runJob(rig);
            books = outcome.books().orElseThrow();
            assertTrue(books.balanced(), "the codes still balance: " + books);
            GateCount gate = single(outcome.gates());
            assertEquals(books.rejected(), gate.stationFires(), "a fire for every reject: " + gate.describe());
            assertEquals(books.rejected() - 1, gate.plcRejects().getAsLong(), gate.describe());
            assertFalse(gate.matches() || outcome.gatesMatch(), gate.describe());
            assertTrue(gate.describe().contains("MISMATCH: 1 fire(s) the PLC did not carry out; rejected units may"
                    + " have shipped"), gate.describe());
            assertEquals(1, rig.sim.gate().missed().size(), "the second reject's pulse was missed");
            assertMismatchAlarm(rig, books.job(), gate);
        }
        CommandRun r = reconcile(books.job());
        assertEquals(1, r.exit(), "a gate count that disagrees fails the reconciliation: " + r.out());
        assertTrue(r.out().contains("station fired " + books.rejected() + ", PLC counted " + (books.rejected() - 1)
                + ", MISMATCH"), r.out());
    }

    @Test
    void aPulseCountedTwiceIsAMismatchTheOtherWay() throws Exception {
        try (LineRig rig = new LineRig(dir, REJECTS + ",gate.confirms=false,gate.extraAt=1", settings())) {
            DemoRun.Outcome outcome = runJob(rig);
            GateCount gate = single(outcome.gates());
            assertEquals(gate.stationFires() + 1, gate.plcRejects().getAsLong(), gate.describe());
            assertTrue(gate.describe().contains("units may have been rejected without a verdict"), gate.describe());
            assertMismatchAlarm(rig, outcome.books().orElseThrow().job(), gate);
        }
    }

    @Test
    void aMissedPulseOnAGateWithASensorGoesUnconfirmedAndStopsTheLine() {
        try (LineRig rig = new LineRig(dir, REJECTS + ",gate.missedAt=1", settings())) {
            rig.line.start(LineRig.job(UNITS), "tester");
            rig.awaitState(PackMlState.ABORTED);
            List<Alarm> alarms = rig.line.snapshot().alarms();
            assertEquals("gate.unconfirmed", alarms.get(0).cause(), alarms.toString());
            assertEquals(1, rig.sim.gate().missed().size());
            rig.assertBooksHold();
        }
    }

    private static DemoRun.Outcome runJob(LineRig rig) {
        DemoRun.Outcome outcome = DemoRun.run(rig.sim.station(), LineRig.job(UNITS), DemoRun.Operator.NOBODY, 0,
                Duration.ofMinutes(2), "tester");
        assertEquals(List.of(), outcome.stops(), "the line ran the job without a stop");
        return outcome;
    }

    private static void assertMismatchAlarm(LineRig rig, String job, GateCount gate) {
        rig.awaitThat("the gate count alarm is raised", () -> rig.line.snapshot().alarms().stream()
                .anyMatch(a -> a.cause().equals(PlcRejectCheck.MISMATCH)));
        Alarm alarm = rig.line.snapshot().alarms().stream().filter(a -> a.cause().equals(PlcRejectCheck.MISMATCH))
                .findFirst().orElseThrow();
        assertEquals(Alarm.Severity.WARNING, alarm.severity());
        assertEquals("job " + job + ": " + gate.describe(), alarm.detail());
    }

    private CommandRun reconcile(String job) {
        return CommandRun.run("reconcile", "--job", job, "--data", dir.toString());
    }

    private static GateCount single(List<GateCount> gates) {
        assertEquals(1, gates.size(), gates.toString());
        GateCount gate = gates.get(0);
        assertEquals(SimulatedLine.GATE, gate.gate());
        return gate;
    }
}

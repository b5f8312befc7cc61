package io.tracemark.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.TraceLevel;
import io.tracemark.ledger.Reconciliation;
import io.tracemark.line.Alarm;
import io.tracemark.line.JobRequest;
import io.tracemark.line.PackMlState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The print head is opened in the middle of a job, five times: each time the line aborts, the operator
 * acknowledges the alarm, closes the head, clears and resumes at once. Labels in flight at the fault
 * (printed or not, confirmed or not) pass the camera after the restart; with a clean camera none of
 * them may be paired with a new unit, so nothing is rejected and the job completes.
 */
class HeadOpenRestartTest {

    private static final int CYCLES = 5;

    @TempDir
    Path dir;

    /**
     * The ~JA the abort wrote reaches the printer a moment later; the printer offers no event for it, so
     * its status is polled, as a host polls {@code ~HS}.
     */
    private static boolean bufferEmptiesWithin(LineRig rig, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (rig.sim.virtualPrinter().hostStatus().formatsInBuffer() > 0) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.onSpinWait();
        }
        return true;
    }

    @Test
    void aHeadOpenedFiveTimesRejectsNothingWithACleanCamera() {
        runCycles(LineRig.job(150));
    }

    @Test
    void aHeadOpenedFiveTimesInABatchLevelJobRejectsNothingWithACleanCamera() {
        runCycles(new JobRequest(SampleStation.PRODUCT_BATCH_LEVEL, "B2402", LocalDate.now(),
                LocalDate.now().plusYears(3), TraceLevel.BATCH, "gs1", "batch-gs1-datamatrix", SimulatedLine.PRINTER,
                SimulatedLine.SCANNER, 150, null));
    }

    private void runCycles(JobRequest job) {
        try (LineRig rig = new LineRig(dir, "", LineRig.quick().withVerdictTimeout(Duration.ofSeconds(10)), 600, 40)) {
            rig.line.start(job, "tester");
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                long target = cycle * 15L;
                rig.awaitThat(target + " verified", () -> rig.line.snapshot().counters().verified() >= target
                        || rig.line.snapshot().state() != PackMlState.EXECUTE);
                assertEquals(PackMlState.EXECUTE, rig.line.snapshot().state(), "cycle " + cycle + ": "
                        + rig.line.snapshot());
                rig.sim.virtualPrinter().setHeadOpen(true);
                rig.awaitState(PackMlState.ABORTED);
                // the printer stays silent with its head open, and its queue is cancelled all the same:
                // nothing the station voided prints once the head is closed
                assertTrue(bufferEmptiesWithin(rig, Duration.ofSeconds(5)), "cycle " + cycle + ": the printer's queue "
                        + "was not cancelled: " + rig.sim.virtualPrinter().hostStatus());
                for (Alarm alarm : rig.line.snapshot().alarms()) {
                    rig.line.acknowledgeAlarm(alarm.id(), "tester");
                }
                rig.sim.fixDevices();
                rig.line.clear("tester");
                rig.line.restart("tester");
            }
            rig.awaitState(PackMlState.COMPLETE);
            rig.line.endBatch("tester");
            Reconciliation r = job.traceLevel().sharesCodeAcrossUnits() ? rig.sim.ledger().reconcile(rig.jobId())
                    : rig.assertBooksHold();
            assertTrue(r.balanced(), r.toString());
            assertEquals(150, r.verified(), r.toString());
            assertEquals(0, r.rejected(), "a clean camera rejects nothing: " + r);
            // an abort voids the labels printed but not yet judged; those that reach the camera go out
            assertTrue(rig.assertGateFiredOnlyForVoidedLabels() <= r.voided(), r.toString());
        }
    }
}

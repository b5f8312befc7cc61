package io.tracemark.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.TraceLevel;
import io.tracemark.ledger.JobState;
import io.tracemark.ledger.Reconciliation;
import io.tracemark.line.Counters;
import io.tracemark.line.JobRequest;
import io.tracemark.line.PackMlState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ten stops, each followed at once by a restart, with a clean camera: the results of labels in flight
 * at a stop come after the restart and must never be paired with a new unit. Nothing waits for the
 * camera; the test only waits for the line's own state.
 */
class StopRestartCyclesTest {

    private static final int CYCLES = 10;

    @TempDir
    Path dir;

    @Test
    void tenStopRestartCyclesOfAnItemLevelJobRejectNothing() {
        runCycles(LineRig.job(120));
    }

    @Test
    void tenStopRestartCyclesOfABatchLevelJobRejectNothing() {
        runCycles(new JobRequest(SampleStation.PRODUCT_BATCH_LEVEL, "B2402", LocalDate.now(),
                LocalDate.now().plusYears(3), TraceLevel.BATCH, "gs1", "batch-gs1-datamatrix", SimulatedLine.PRINTER,
                SimulatedLine.SCANNER, 120, null));
    }

    private void runCycles(JobRequest job) {
        try (LineRig rig = new LineRig(dir, "", LineRig.quick().withVerdictTimeout(Duration.ofSeconds(10)), 600)) {
            rig.line.start(job, "tester");
            long inFlightAtStops = 0;
            for (int cycle = 1; cycle <= CYCLES; cycle++) {
                long target = cycle * 8L;
                rig.awaitThat(target + " verified", () -> rig.line.snapshot().counters().verified() >= target
                        || rig.line.snapshot().state() != PackMlState.EXECUTE);
                assertEquals(PackMlState.EXECUTE, rig.line.snapshot().state(), "cycle " + cycle + ": "
                        + rig.line.snapshot());
                Counters at = rig.line.snapshot().counters();
                inFlightAtStops += at.sent() - at.verified() - at.rejected() - at.voided();
                rig.line.stop("tester");
                rig.line.restart("tester");
            }
            rig.awaitState(PackMlState.COMPLETE);
            rig.line.endBatch("tester");
            Reconciliation r = job.traceLevel().sharesCodeAcrossUnits() ? rig.sim.ledger().reconcile(rig.jobId())
                    : rig.assertBooksHold();
            assertEquals(0, rig.units("SENT"), "no unit left without a verdict");
            assertTrue(r.balanced(), r.toString());
            assertEquals(120, r.verified(), r.toString());
            assertEquals(0, r.rejected(), "a clean camera rejects nothing: " + r);
            assertEquals(0, r.duplicates(), r.toString());
            assertEquals(JobState.ENDED, r.state());
            // an orderly stop lets the printer finish and the camera judge what it printed: the units in
            // flight at a stop end verified or voided, never paired with another unit
            assertTrue(inFlightAtStops > 0, "units were in flight at the stops: " + r);
            assertTrue(r.voided() <= (long) CYCLES * LineRig.quick().maxAwaitingVerdict(), "voided at most what was in flight: " + r);
            // the gate fires for no good unit (only a voided label that still came out, if any, goes out)
            assertTrue(rig.assertGateFiredOnlyForVoidedLabels() <= r.voided(), r.toString());
        }
    }
}

package io.tracemark.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.ledger.Reconciliation;
import io.tracemark.line.LineController;
import io.tracemark.line.PackMlState;
import io.tracemark.line.RejectFilter;
import io.tracemark.line.RejectRecord;
import io.tracemark.sim.DegradationMix;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A damaged label costs the station's decoder far more than a good one; the good labels behind it wait
 * in the camera's queue. With a verdict timeout shorter than that wait, a good label must not be
 * judged "missing" while the station itself still holds its frame: every reject is a damaged label,
 * none is a missing-label (the camera shows every label here), and the line is never stopped.
 */
class SlowFramesTest {

    @TempDir
    Path dir;

    @Test
    void goodLabelsQueuedBehindDamagedOnesAreNotMissing() {
        SimulatedLine.Options options = new SimulatedLine.Options(dir,
                LineFaults.parse("camera.defectRate=0.15", DegradationMix.none(), 7),
                LineRig.quick().withVerdictTimeout(Duration.ofMillis(2_000)).withConsecutiveRejectLimit(1_000),
                600, 7, 40, "zt411-203");
        try (SimulatedLine sim = SimulatedLine.start(options)) {
            LineController line = sim.line();
            line.recover();
            line.start(SampleStation.itemJob(120, LocalDate.now()), "tester");
            PackMlState end = LineWatch.awaitState(line, EnumSet.of(PackMlState.COMPLETE, PackMlState.ABORTED),
                    Duration.ofMinutes(3));
            assertEquals(PackMlState.COMPLETE, end, line.snapshot().toString());
            List<RejectRecord> rejects = line.rejects(RejectFilter.first(1_000)).rows();
            assertTrue(rejects.stream().noneMatch(r -> r.reason().equals("missing-label")),
                    "a label still in the station's decoder queue was judged missing: " + rejects);
            assertTrue(!rejects.isEmpty(), "damaged labels were rejected");
            Reconciliation r = sim.ledger().reconcile(line.currentJobId().orElseThrow());
            assertTrue(r.balanced(), r.toString());
            assertEquals(120, r.verified(), r.toString());
        }
    }
}

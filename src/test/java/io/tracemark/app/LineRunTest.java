package io.tracemark.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.CodeState;
import io.tracemark.ledger.JobState;
import io.tracemark.ledger.Reconciliation;
import io.tracemark.line.PackMlState;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whole-line runs on the simulated line: clean run, pause and resume, end of batch. */
class LineRunTest {

    @TempDir
    Path dir;

    @Test
    void cleanRunVerifiesEveryUnitAndBalances() {
        try (LineRig rig = new LineRig(dir, "", LineRig.quick().withChallengeAtStart(true))) {
            long available = rig.sim.ledger().countCodes(CodeState.AVAILABLE);
            rig.line.start(LineRig.job(40), "tester");
            rig.awaitState(PackMlState.COMPLETE);
            rig.line.endBatch("tester");
            Reconciliation r = rig.assertBooksHold();
            assertEquals(40, r.verified());
            assertEquals(0, r.rejected(), "clean camera frames must all pass: " + r);
            assertEquals(40, r.sent());
            assertEquals(JobState.ENDED, r.state());
            assertEquals(r.allocated() - r.sent(), r.released());
            assertEquals(available - 40, rig.sim.ledger().countCodes(CodeState.AVAILABLE),
                    "only the 40 printed codes left AVAILABLE; the challenge consumed none");
            assertEquals(1, rig.sim.gate().fired().size(), "the gate fired once, for the challenge label");
            assertTrue(rig.sim.gate().fired().get(0) < 0, "challenge units have negative ids");
        }
    }

    @Test
    void pauseHoldsSendingAndResumeFinishesTheJob() {
        try (LineRig rig = new LineRig(dir, "", LineRig.quick())) {
            rig.line.start(LineRig.job(60), "tester");
            rig.awaitThat("10 units verified", () -> rig.line.snapshot().counters().verified() >= 10);
            rig.line.pause("tester");
            assertEquals(PackMlState.HELD, rig.line.snapshot().state());
            rig.awaitThat("labels in flight judged", () -> rig.units("SENT") == 0);
            long sent = rig.db.count("SELECT count(*) FROM units");
            assertTrue(sent < 60, "paused before the end: " + sent);
            assertEquals(sent, rig.db.count("SELECT count(*) FROM units"), "nothing sent while held");
            rig.line.resume("tester");
            rig.awaitState(PackMlState.COMPLETE);
            rig.line.endBatch("tester");
            assertEquals(60, rig.assertBooksHold().verified());
            assertEquals(1, rig.db.count("SELECT count(*) FROM audit_log WHERE action = 'line.hold' AND actor = 'tester'"));
        }
    }

    @Test
    void endBatchStopsAndReleasesUnusedCodes() {
        // a chunk far above what can be sent by the stop (verified + maxAwaitingVerdict): some codes are surely unused
        try (LineRig rig = new LineRig(dir, "", LineRig.quick().withAllocationChunk(64))) {
            rig.line.start(LineRig.job(200), "tester");
            rig.awaitThat("5 units verified", () -> rig.line.snapshot().counters().verified() >= 5);
            rig.line.endBatch("supervisor");
            assertEquals(PackMlState.STOPPED, rig.line.snapshot().state());
            Reconciliation r = rig.assertBooksHold();
            assertTrue(r.released() > 0, "unused allocated codes released: " + r);
            assertEquals(0, rig.db.count("SELECT count(*) FROM codes WHERE job_id = ? AND state = 'ALLOCATED'",
                    r.job()));
            assertEquals(r, rig.line.lastReconciliation().orElseThrow());
            assertEquals(r.allocated(), r.verified() + r.rejected() + r.voided() + r.released());
        }
    }
}

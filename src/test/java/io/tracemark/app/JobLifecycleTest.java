package io.tracemark.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.TracemarkException;
import io.tracemark.ledger.JobState;
import io.tracemark.ledger.Reconciliation;
import io.tracemark.line.OpenJob;
import io.tracemark.line.PackMlState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Start refuses while another job is OPEN; a job can be suspended, another run, and the first resumed. */
class JobLifecycleTest {

    @TempDir
    Path dir;

    @Test
    void startRefusesWhileAJobIsOpenAndASuspendedJobIsResumedLater() {
        try (LineRig rig = new LineRig(dir, "", LineRig.quick(), 600)) {
            rig.line.start(LineRig.job(100), "tester");
            rig.awaitThat("8 verified", () -> rig.line.snapshot().counters().verified() >= 8);
            rig.line.stop("tester");
            String first = rig.jobId();
            long allocated = rig.db.count("SELECT count(*) FROM codes WHERE job_id = ? AND state = 'ALLOCATED'", first);

            TracemarkException refused = assertThrows(TracemarkException.class,
                    () -> rig.line.start(LineRig.job(10), "tester"));
            assertTrue(refused.getMessage().contains("job " + first + " is still open")
                    && refused.getMessage().contains("resume it, end it")
                    && refused.getMessage().contains("suspend it"), refused.getMessage());
            assertEquals(1, rig.db.count("SELECT count(*) FROM jobs"), "the refused start created nothing");

            rig.line.suspendJob("supervisor");
            List<OpenJob> open = rig.line.openJobs();
            assertEquals(1, open.size());
            assertTrue(open.get(0).suspended() && !open.get(0).current(), open.toString());
            assertEquals(allocated, rig.db.count("SELECT count(*) FROM codes WHERE job_id = ? AND state = 'ALLOCATED'",
                    first), "a suspended job keeps its codes");

            rig.line.start(LineRig.job(10), "tester");
            rig.awaitState(PackMlState.COMPLETE);
            String second = rig.jobId();
            assertFalse(second.equals(first));
            TracemarkException notEnded = assertThrows(TracemarkException.class,
                    () -> rig.line.resumeJob(first, "tester"));
            assertTrue(notEnded.getMessage().contains("end it or suspend it"), notEnded.getMessage());
            rig.line.endBatch("tester");

            rig.line.resumeJob(first, "tester");
            rig.awaitState(PackMlState.COMPLETE);
            assertEquals(first, rig.jobId());
            rig.line.endBatch("tester");
            Reconciliation r = rig.assertBooksHold();
            assertEquals(100, r.verified());
            assertEquals(JobState.ENDED, r.state());
            assertTrue(rig.line.openJobs().isEmpty());
        }
    }
}

package io.tracemark.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tracemark.line.PackMlState;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The end of every batch is handed on once, off the line's thread; a batch ended before the watch is not. */
class BatchEndWatchTest {

    @TempDir
    Path dir;

    @Test
    void everyEndedBatchIsHandedOnOnce() throws Exception {
        try (LineRig rig = new LineRig(dir, "", LineRig.quick())) {
            rig.line.start(LineRig.job(5), "tester");
            rig.awaitState(PackMlState.COMPLETE);
            rig.line.endBatch("tester");
            String first = rig.line.lastReconciliation().orElseThrow().job();
            BlockingQueue<String> ended = new LinkedBlockingQueue<>();
            BlockingQueue<String> threads = new LinkedBlockingQueue<>();
            try (BatchEndWatch watch = new BatchEndWatch(rig.line, job -> {
                threads.add(Thread.currentThread().getName());
                ended.add(job);
            })) {
                rig.line.start(LineRig.job(5), "tester");
                rig.awaitState(PackMlState.COMPLETE);
                rig.line.endBatch("tester");
                String second = rig.line.lastReconciliation().orElseThrow().job();
                assertEquals(second, ended.poll(30, TimeUnit.SECONDS));
                assertEquals("batch-end", threads.poll());
            }
            assertEquals(java.util.List.of(), java.util.List.copyOf(ended), "once only, and not the batch " + first
                    + " that ended before the watch");
        }
    }
}

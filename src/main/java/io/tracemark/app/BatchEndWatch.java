package io.tracemark.app;

import io.tracemark.ledger.Reconciliation;
import io.tracemark.line.LineController;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells {@code onBatchEnd} the job id of every batch the line ends from now on (its final
 * reconciliation appears), on a thread of its own: the line's change listeners run while the line
 * holds its lock, and what follows a batch end (returning unused codes to the platform) writes the
 * database and talks to the network.
 */
final class BatchEndWatch implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BatchEndWatch.class);

    private final LineController line;
    private final Consumer<String> onBatchEnd;
    private final LineChangeWorker worker = new LineChangeWorker("batch-end");
    private String lastJob;

    BatchEndWatch(LineController line, Consumer<String> onBatchEnd) {
        this.line = line;
        this.onBatchEnd = onBatchEnd;
        this.lastJob = line.lastReconciliation().map(Reconciliation::job).orElse(null);
        worker.subscribed(line.onChange(this::changed));
    }

    private synchronized void changed() {
        Optional<String> job = line.lastReconciliation().map(Reconciliation::job);
        if (job.isPresent() && !job.get().equals(lastJob)) {
            lastJob = job.get();
            String ended = job.get();
            worker.execute(() -> {
                try {
                    onBatchEnd.accept(ended);
                } catch (RuntimeException e) {
                    LOG.warn("after the end of batch {}: {}", ended, e.toString());
                }
            });
        }
    }

    @Override
    public void close() {
        worker.close();
    }
}

package io.tracemark.app;

import io.tracemark.ledger.Reconciliation;
import io.tracemark.line.LineController;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
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
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "batch-end");
        t.setDaemon(true);
        return t;
    });
    private final AutoCloseable subscription;
    private String lastJob;

    BatchEndWatch(LineController line, Consumer<String> onBatchEnd) {
        this.line = line;
        this.onBatchEnd = onBatchEnd;
        this.lastJob = line.lastReconciliation().map(Reconciliation::job).orElse(null);
        this.subscription = line.onChange(this::changed);
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
        try {
            subscription.close();
        } catch (Exception ignored) {
            // the line is closing too
        }
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

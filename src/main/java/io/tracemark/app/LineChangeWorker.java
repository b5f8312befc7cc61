package io.tracemark.app;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread that does, off the line's thread, what a watcher of the line decides on a change
 * (the line's change callbacks must not block), and the line subscription that feeds it. Closing it
 * ends the subscription, then lets the queued work finish (10 s at most).
 */
final class LineChangeWorker implements AutoCloseable {

    private final ExecutorService worker;
    private volatile AutoCloseable subscription = () -> { };

    LineChangeWorker(String threadName) {
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, threadName);
            t.setDaemon(true);
            return t;
        });
    }

    /** The line subscription ({@code line.onChange(...)}) to end first on close. */
    void subscribed(AutoCloseable lineSubscription) {
        this.subscription = lineSubscription;
    }

    void execute(Runnable work) {
        worker.execute(work);
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

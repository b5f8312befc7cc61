package io.tracemark.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Runs one piece of platform work on its own daemon thread: again after {@code interval} when it
 * succeeded, after an exponential {@link Backoff} when it failed (never spinning), with failures
 * logged by a {@link FailureLog} (no flood). {@link #runNow()} asks for an early run.
 */
public final class BackgroundTask implements AutoCloseable {

    /** One run; throws when it failed and should be retried later. */
    @FunctionalInterface
    public interface Work {
        void run();
    }

    private final String name;
    private final Work work;
    private final Duration interval;
    private final Backoff backoff;
    private final FailureLog failures;
    private final Logger log;
    private ScheduledExecutorService scheduler;
    private int failed;

    public BackgroundTask(String name, Work work, Duration interval, Backoff backoff, Logger log, Clock clock) {
        this.name = name;
        this.work = work;
        this.interval = interval;
        this.backoff = backoff;
        this.failures = new FailureLog(log, name, clock, Duration.ofMinutes(30));
        this.log = log;
    }

    public synchronized void start() {
        start(Duration.ZERO);
    }

    /** Starts with the first run after {@code firstIn} (e.g. one interval, when the work was just done). */
    public synchronized void start(Duration firstIn) {
        if (scheduler != null) {
            throw new IllegalStateException(name + " already started");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
        scheduler.schedule(this::runAndReschedule, Math.max(0, firstIn.toMillis()), TimeUnit.MILLISECONDS);
    }

    synchronized boolean isStarted() {
        return scheduler != null;
    }

    /** Runs the work soon on the task's thread (e.g. a batch just ended); ignored when not started. */
    synchronized void runNow() {
        if (scheduler != null) {
            scheduler.execute(this::runOnce);
        }
    }

    private void runAndReschedule() {
        Duration next = runOnce() ? interval : backoff.delay(failed);
        synchronized (this) {
            if (scheduler != null && !scheduler.isShutdown()) {
                scheduler.schedule(this::runAndReschedule, Math.max(1, next.toMillis()), TimeUnit.MILLISECONDS);
            }
        }
    }

    private boolean runOnce() {
        try {
            work.run();
            failed = 0;
            failures.succeeded();
            return true;
        } catch (RuntimeException e) {
            failed++;
            if (failed == 1 && !(e instanceof PlatformException)) {
                log.error("{}: unexpected failure (a bug or the database), retried with backoff", name, e);
            }
            failures.failed(e.getMessage() == null ? e.toString() : e.getMessage(), null);
            return false;
        }
    }

    @Override
    public void close() {
        ScheduledExecutorService s;
        synchronized (this) {
            s = scheduler;
            scheduler = null;
        }
        if (s != null) {
            s.shutdownNow();
        }
    }
}

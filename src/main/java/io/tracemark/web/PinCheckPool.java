package io.tracemark.web;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where PINs are hashed for sign-in: a fixed number of low-priority threads and a short queue. PBKDF2
 * costs tens of milliseconds of CPU on purpose; run on the web server's request threads, a flood of
 * sign-ins would take every core from the line. Here at most {@code threads} hashes run at once, at
 * most {@code queue} wait, and anything beyond is refused at once (503 {@code signin.busy} with
 * {@code Retry-After}) instead of joining a queue that grows.
 */
final class PinCheckPool implements AutoCloseable {

    /** The longest a request waits for its place and its check before it gives up (503). */
    private static final long WAIT_SECONDS = 30;

    private final ThreadPoolExecutor executor;

    PinCheckPool(int threads, int queue) {
        if (threads < 1 || queue < 0) {
            throw new IllegalArgumentException("PIN check pool needs >= 1 thread and a queue >= 0, was "
                    + threads + " and " + queue);
        }
        AtomicInteger count = new AtomicInteger();
        executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                queue == 0 ? new java.util.concurrent.SynchronousQueue<>() : new ArrayBlockingQueue<>(queue), r -> {
                    Thread t = new Thread(r, "pin-check-" + count.incrementAndGet());
                    t.setDaemon(true);
                    t.setPriority(Thread.MIN_PRIORITY);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
    }

    /**
     * Runs the check on the pool and waits for it.
     *
     * @throws AccessRefusedException 503 {@code signin.busy} when the pool and its queue are full, or the
     *                                check did not finish within {@value #WAIT_SECONDS} s
     */
    <T> T run(Callable<T> check) {
        Future<T> future;
        try {
            future = executor.submit(check);
        } catch (RejectedExecutionException e) {
            throw busy();
        }
        try {
            return future.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw busy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw busy();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("PIN check failed", e.getCause());
        }
    }

    private static AccessRefusedException busy() {
        return new AccessRefusedException(503, "signin.busy", "too many sign-ins at once; try again in a second", 1);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}

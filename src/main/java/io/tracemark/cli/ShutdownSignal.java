package io.tracemark.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C or SIGTERM for a command that runs until stopped: {@link #await()} returns when the JVM
 * begins to shut down, and the shutdown waits (at most {@value #GRACE_SECONDS} s) until the command
 * called {@link #closed()}, so that devices, the panel and the database are closed in order instead
 * of the JVM halting halfway.
 */
final class ShutdownSignal {

    private static final int GRACE_SECONDS = 30;

    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);

    ShutdownSignal(String name) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop.countDown();
            try {
                done.await(GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name + "-shutdown"));
    }

    /** Blocks until the JVM is asked to stop. */
    void await() throws InterruptedException {
        stop.await();
    }

    /** Everything is closed: the JVM may go on shutting down. */
    void closed() {
        done.countDown();
    }
}

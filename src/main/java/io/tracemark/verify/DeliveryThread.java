package io.tracemark.verify;

/**
 * The one thread a scanner delivers its results on: started once, stopped by clearing the running
 * flag, releasing whatever the loop blocks on, and joining for a bounded time.
 */
final class DeliveryThread {

    private static final long JOIN_MILLIS = 2000;

    private final String owner;
    private volatile boolean running;
    private Thread thread;

    DeliveryThread(String owner) {
        this.owner = owner;
    }

    /**
     * Starts {@code loop} on a daemon thread; the loop runs while {@link #running()} is true.
     *
     * @throws IllegalStateException when it was started before (a scanner is started at most once)
     */
    synchronized void start(String threadName, Runnable loop) {
        requireNotStarted();
        running = true;
        thread = new Thread(loop, threadName);
        thread.setDaemon(true);
        thread.start();
    }

    /** @throws IllegalStateException when the thread was started before */
    synchronized void requireNotStarted() {
        if (thread != null) {
            throw new IllegalStateException(owner + " already started");
        }
    }

    boolean running() {
        return running;
    }

    /** Ends the loop from inside it (after a failure). */
    void halt() {
        running = false;
    }

    /**
     * Stops the loop: clears the flag, runs {@code release} (closing the link the loop blocks on),
     * and waits for the thread to end, at most two seconds. Idempotent.
     */
    void stop(Runnable release) {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        release.run();
        if (t != null) {
            try {
                t.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

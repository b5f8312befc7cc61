package io.tracemark.device;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Cuts writes that overrun their timeout: one daemon thread for every watched link, and no task per
 * write. A write only stores its deadline ({@link Watch#begin()}) and clears it ({@link Watch#end()});
 * the thread looks at the deadlines at least once per shortest timeout and then sleeps until the
 * earliest deadline it saw, so a write that began after a look is seen again before its own deadline
 * and cut at it. The thread ends when nothing is watched.
 */
final class WriteWatchdog {

    /** The watchdog shared by the TCP links. */
    static final WriteWatchdog TCP = new WriteWatchdog("tcp-write-watchdog");

    private static final long IDLE = Long.MIN_VALUE;
    private static final long CUT = Long.MIN_VALUE + 1;

    private final String threadName;
    private final Set<Watch> watches = ConcurrentHashMap.newKeySet();
    private Thread thread;

    WriteWatchdog(String threadName) {
        this.threadName = threadName;
    }

    /** The writes of one link: at most one at a time. */
    final class Watch implements AutoCloseable {
        private final long timeoutNanos;
        private final Runnable cut;
        private final AtomicLong deadline = new AtomicLong(IDLE);

        private Watch(Duration timeout, Runnable cut) {
            this.timeoutNanos = Math.max(1, timeout.toNanos());
            this.cut = cut;
        }

        /** A write begins: it is cut (the link closed) unless {@link #end()} comes within the timeout. */
        void begin() {
            long d = System.nanoTime() + timeoutNanos;
            deadline.set(d == IDLE || d == CUT ? d + 2 : d);
        }

        /** The write is over; true when the watchdog cut it (its link was closed for overrunning). */
        boolean end() {
            return deadline.getAndSet(IDLE) == CUT;
        }

        /** Stops watching this link. */
        @Override
        public void close() {
            watches.remove(this);
        }

        /** Cuts the write in progress if its deadline passed; else its deadline, or {@link #IDLE}. */
        private long check(long now) {
            long d = deadline.get();
            if (d == IDLE || d == CUT) {
                return IDLE;
            }
            if (now - d >= 0) {
                if (deadline.compareAndSet(d, CUT)) {
                    cut.run();
                }
                return IDLE;
            }
            return d;
        }
    }

    /** Watches the writes of a link; {@code cut} closes it when a write overruns {@code timeout}. */
    Watch watch(Duration timeout, Runnable cut) {
        Watch w = new Watch(timeout, cut);
        synchronized (this) {
            watches.add(w);
            if (thread == null) {
                thread = new Thread(this::run, threadName);
                thread.setDaemon(true);
                thread.start();
            } else {
                LockSupport.unpark(thread); // a shorter timeout than it sleeps for: look again now
            }
        }
        return w;
    }

    private void run() {
        while (true) {
            long now = System.nanoTime();
            long sleep = Long.MAX_VALUE;
            boolean any = false;
            for (Watch w : watches) {
                any = true;
                long d = w.check(now);
                sleep = Math.min(sleep, d == IDLE ? w.timeoutNanos : d - now);
            }
            if (!any) {
                synchronized (this) {
                    if (watches.isEmpty()) {
                        thread = null;
                        return;
                    }
                }
                continue;
            }
            LockSupport.parkNanos(this, Math.max(1, sleep));
        }
    }
}

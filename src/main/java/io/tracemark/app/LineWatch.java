package io.tracemark.app;

import io.tracemark.line.LineControl;
import io.tracemark.line.PackMlState;
import java.time.Duration;
import java.util.Set;

/** Waits, without polling, until a line reaches one of some states (or a deadline passes). */
final class LineWatch {

    private LineWatch() {
    }

    /** @return the state reached, or the current state when the deadline passed first */
    static PackMlState awaitState(LineControl line, Set<PackMlState> wanted, Duration within) {
        Object signal = new Object();
        long deadline = System.nanoTime() + within.toNanos();
        // woken only when a wanted state is reached, not on every verdict (the line's thread pays each wake-up)
        try (AutoCloseable ignored = line.onChange(() -> {
            if (wanted.contains(line.snapshot().state())) {
                synchronized (signal) {
                    signal.notifyAll();
                }
            }
        })) {
            synchronized (signal) {
                while (!wanted.contains(line.snapshot().state())) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        break;
                    }
                    signal.wait(Math.max(1, Math.min(500, left / 1_000_000)));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return line.snapshot().state();
    }
}

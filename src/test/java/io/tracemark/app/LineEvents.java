package io.tracemark.app;

import static org.junit.jupiter.api.Assertions.fail;

import io.tracemark.line.LineControl;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waits for a condition on a line, re-checked on every change of the line (and at least every 100 ms). */
public final class LineEvents {

    /** How long a whole-line test waits for what it expects. */
    public static final Duration PATIENCE = Duration.ofSeconds(60);

    private LineEvents() {
    }

    /** Fails naming {@code what} and the line's state when the condition does not hold within {@link #PATIENCE}. */
    public static void awaitThat(LineControl line, String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        Object signal = new Object();
        try (AutoCloseable ignored = line.onChange(() -> {
            synchronized (signal) {
                signal.notifyAll();
            }
        })) {
            synchronized (signal) {
                while (!condition.getAsBoolean()) {
                    if (System.nanoTime() > deadline) {
                        fail("timed out waiting until " + what + "; " + line.snapshot());
                    }
                    signal.wait(100);
                }
            }
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}

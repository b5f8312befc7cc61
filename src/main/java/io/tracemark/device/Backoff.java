package io.tracemark.device;

import io.tracemark.core.DeviceException;
import java.time.Duration;

/**
 * Exponential backoff between reconnect attempts.
 *
 * @param first      wait after the first failed attempt
 * @param max        longest wait between attempts
 * @param multiplier growth factor of the wait
 */
public record Backoff(Duration first, Duration max, double multiplier) {

    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(2), 2.0);

    public Backoff {
        if (first.isNegative() || max.compareTo(first) < 0 || multiplier < 1.0) {
            throw new IllegalArgumentException("backoff needs 0 <= first <= max and multiplier >= 1, got "
                    + first + ", " + max + ", " + multiplier);
        }
    }

    /**
     * Runs {@code attempt} until it succeeds or {@code within} has passed.
     *
     * @throws DeviceException after the last failed attempt, with its cause
     */
    public void retry(DeviceUri device, Duration within, Runnable attempt) {
        long deadline = System.nanoTime() + within.toNanos();
        long waitMs = first.toMillis();
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                attempt.run();
                return;
            } catch (DeviceException e) {
                long leftMs = (deadline - System.nanoTime()) / 1_000_000;
                if (leftMs <= 0) {
                    throw new DeviceException(device.raw(), "reconnect failed after " + attempts + " attempts in "
                            + within.toMillis() + " ms: " + e.getMessage(), e);
                }
                pause(device, Math.min(waitMs, leftMs));
                waitMs = Math.min(max.toMillis(), (long) Math.ceil(waitMs * multiplier) + 1);
            }
        }
    }

    private static void pause(DeviceUri device, long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException(device.raw(), "interrupted while waiting to reconnect", e);
        }
    }
}

package io.tracemark.platform;

import java.time.Duration;
import java.util.Random;

/**
 * Exponential backoff with jitter: {@code base × 2^(failures-1)}, capped at {@code max}, then
 * spread by ±{@code jitter} (a fraction) from a seeded random source so tests are repeatable and
 * many stations do not retry in step.
 */
public final class Backoff {

    private final Duration base;
    private final Duration max;
    private final double jitter;
    private final Random random;

    public Backoff(Duration base, Duration max, double jitter, long seed) {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0 || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("backoff: need 0 < base <= max and 0 <= jitter < 1, got base "
                    + base.toMillis() + " ms, max " + max.toMillis() + " ms, jitter " + jitter);
        }
        this.base = base;
        this.max = max;
        this.jitter = jitter;
        this.random = new Random(seed);
    }

    /** Delay before the next attempt after {@code failures} consecutive failures (1 or more). */
    public synchronized Duration delay(int failures) {
        int doublings = Math.min(Math.max(0, failures - 1), 30);
        double millis = Math.min((double) base.toMillis() * (1L << doublings), max.toMillis());
        double spread = 1 + jitter * (2 * random.nextDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(millis * spread)));
    }
}

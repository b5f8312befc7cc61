package io.tracemark.line;

import java.time.Clock;

/**
 * Units judged over the last minute, as a rate per minute that falls to 0 within a minute once
 * nothing is judged (a pause, a stop, the end of a job). Counts are kept in one-second buckets, so the
 * memory is flat whatever the rate. While the line has run for less than a minute the rate is the
 * count over the time it ran. Not thread-safe: its owner synchronises.
 */
final class RateWindow {

    static final int SECONDS = 60;

    private final Clock clock;
    private final long[] second = new long[SECONDS];
    private final int[] count = new int[SECONDS];
    /** When counting began: the first unit after the window was empty, or a reset. */
    private long sinceMillis = -1;

    RateWindow(Clock clock) {
        this.clock = clock;
    }

    void clear() {
        java.util.Arrays.fill(second, -1);
        java.util.Arrays.fill(count, 0);
        sinceMillis = -1;
    }

    void add() {
        long now = clock.millis();
        if (total(now) == 0) {
            sinceMillis = now;
        }
        long s = now / 1000;
        int i = (int) (s % SECONDS);
        if (second[i] != s) {
            second[i] = s;
            count[i] = 0;
        }
        count[i]++;
    }

    /** Units per minute over the last minute (one decimal); 0 when none was judged in it. */
    double perMinute() {
        long now = clock.millis();
        int n = total(now);
        if (n == 0) {
            return 0;
        }
        long ranMillis = Math.min(SECONDS * 1000L, Math.max(1000L, now - sinceMillis));
        return Math.round(n * 60_000.0 / ranMillis * 10) / 10.0;
    }

    private int total(long nowMillis) {
        long s = nowMillis / 1000;
        int n = 0;
        for (int i = 0; i < SECONDS; i++) {
            if (second[i] > s - SECONDS && second[i] <= s) {
                n += count[i];
            }
        }
        return n;
    }
}

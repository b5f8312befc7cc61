package io.tracemark.line;

/**
 * Unit counters of one job. {@code remaining} = planned − verified (units still to make good);
 * {@code yieldPercent} = verified ÷ (verified + rejected) × 100, or 100 before the first verdict.
 */
public record Counters(long planned, long sent, long verified, long rejected, long voided, long remaining,
                       double unitsPerMinute, double yieldPercent) {

    public static final Counters NONE = new Counters(0, 0, 0, 0, 0, 0, 0, 100);
}

package io.tracemark.codes;

/**
 * Serials counting up from {@code start}, zero-padded to {@code width} digits after an optional
 * prefix: {@code prefix=L1, start=7, width=4} gives {@code L10007, L10008, …}. Not thread-safe.
 */
public final class SequentialSerials implements SerialGenerator {

    private final String prefix;
    private final int width;
    private final long limit;
    private long next;

    /**
     * @throws IllegalArgumentException if {@code start} is negative or does not fit in {@code width}
     *                                  digits, or {@code width} is not 1..18
     */
    public SequentialSerials(long start, int width, String prefix) {
        if (width < 1 || width > 18) {
            throw new IllegalArgumentException("sequential serials: width " + width + " is not 1..18");
        }
        this.limit = pow10(width);
        if (start < 0 || start >= limit) {
            throw new IllegalArgumentException("sequential serials: start " + start + " does not fit in "
                    + width + " digits");
        }
        this.prefix = prefix == null ? "" : prefix;
        this.width = width;
        this.next = start;
    }

    public SequentialSerials(long start, int width) {
        this(start, width, "");
    }

    @Override
    public String next() {
        if (next >= limit) {
            throw new IllegalStateException("sequential serials: all " + width + "-digit numbers after the start are used ("
                    + "last " + prefix + (limit - 1) + ")");
        }
        String digits = Long.toString(next++);
        return prefix + "0".repeat(width - digits.length()) + digits;
    }

    @Override
    public long remaining() {
        return limit - next;
    }

    private static long pow10(int n) {
        long p = 1;
        for (int i = 0; i < n; i++) {
            p *= 10;
        }
        return p;
    }
}

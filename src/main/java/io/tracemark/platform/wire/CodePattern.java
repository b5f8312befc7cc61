package io.tracemark.platform.wire;

import java.util.ArrayList;
import java.util.List;

/**
 * A numeric interval of codes: {@code prefix + zero-padded counter + suffix} for every counter
 * from {@code from} to {@code to} inclusive, e.g. prefix {@code (01)06901234000013(21)}, width 8,
 * 1..1000.
 */
public record CodePattern(String prefix, long from, long to, int width, String suffix) {

    /** Largest interval a station accepts in one range. */
    public static final long MAX_COUNT = 1_000_000;

    /** How many codes the interval holds (0 if it is malformed). */
    public long count() {
        return to >= from ? to - from + 1 : 0;
    }

    /** The code with the given counter value. */
    public String code(long counter) {
        String digits = Long.toString(counter);
        StringBuilder sb = new StringBuilder(prefixOrEmpty());
        sb.append("0".repeat(Math.max(0, width - digits.length()))).append(digits);
        return sb.append(suffix == null ? "" : suffix).toString();
    }

    /** Every code of the interval, in counter order. Call {@link #problems()} first. */
    public List<String> expand() {
        List<String> codes = new ArrayList<>((int) count());
        for (long i = from; i <= to; i++) {
            codes.add(code(i));
        }
        return codes;
    }

    /** What is wrong with this interval as a station sees it; empty if it can be expanded. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (from < 0) {
            problems.add("from " + from + " is negative");
        }
        if (to < from) {
            problems.add("to " + to + " is below from " + from);
        }
        if (count() > MAX_COUNT) {
            problems.add("interval of " + count() + " codes exceeds " + MAX_COUNT);
        }
        if (width < 1 || width > 18) {
            problems.add("width " + width + " is not 1..18");
        } else if (Long.toString(to).length() > width) {
            problems.add("to " + to + " does not fit width " + width);
        }
        return problems;
    }

    private String prefixOrEmpty() {
        return prefix == null ? "" : prefix;
    }
}

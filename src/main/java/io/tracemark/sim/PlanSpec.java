package io.tracemark.sim;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * The grammar the simulator's fault plans share: {@code key=value} items separated by {@code ,} or
 * {@code &}, every bad item reported (as {@code item 2 'key=x'}) rather than only the first.
 */
final class PlanSpec {

    private PlanSpec() {
    }

    /**
     * Hands each item's key and value to {@code item}, which throws {@link IllegalArgumentException}
     * for a bad one; an empty spec or {@code none} has no items.
     *
     * @param what names the plan in the error, e.g. {@code fault plan}
     * @throws InvalidInputException listing every bad item
     */
    static void apply(String text, String what, BiConsumer<String, String> item) {
        if (text.isEmpty() || text.equalsIgnoreCase("none")) {
            return;
        }
        List<Problem> problems = new ArrayList<>();
        String[] items = text.split("[,&]");
        for (int i = 0; i < items.length; i++) {
            String raw = items[i].trim();
            try {
                int eq = raw.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("expected key=value");
                }
                item.accept(raw.substring(0, eq).trim(), raw.substring(eq + 1).trim());
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("item " + (i + 1) + " '" + raw + "'", e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(what + " '" + text + "'", problems);
        }
    }

    /** Any whole number. */
    static long integer(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a whole number");
        }
    }

    /** A whole number, zero or more. */
    static long whole(String value) {
        long n = integer(value);
        if (n < 0) {
            throw new IllegalArgumentException("'" + value + "' must not be negative");
        }
        return n;
    }

    /** A whole number, one or more. */
    static long positive(String value) {
        long n = integer(value);
        if (n < 1) {
            throw new IllegalArgumentException("'" + value + "' must be at least 1");
        }
        return n;
    }

    /** A probability from 0 to 1. */
    static double rate(String value) {
        try {
            double p = Double.parseDouble(value.trim());
            if (p < 0 || p > 1) {
                throw new IllegalArgumentException("'" + value + "' is not a probability 0..1");
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a number");
        }
    }
}

package io.tracemark.sim;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * What goes wrong with a {@link VirtualRejectGate}, from a spec such as
 * {@code unconfirmedAt=30|45,unconfirmedRate=0.01,seed=3}. Items separated by {@code ,} or {@code &}:
 * <ul>
 *   <li>{@code unconfirmedAt=N[|N...]}: the Nth reject (1-based, challenge included) is not confirmed;</li>
 *   <li>{@code unconfirmedRate=P}: each reject unconfirmed with probability P, drawn from the seed;</li>
 *   <li>{@code failAt=N[|N...]}: the gate cannot be commanded for the Nth reject;</li>
 *   <li>{@code never=true}: the gate never fires (nothing is ever confirmed);</li>
 *   <li>{@code confirms=false}: the gate has no confirmation sensor;</li>
 *   <li>{@code seed=N}.</li>
 * </ul>
 */
public final class GatePlan {

    /** A healthy gate with a sensor. */
    public static final GatePlan NONE = parse("");

    private final String spec;
    private final TreeSet<Long> unconfirmedAt = new TreeSet<>();
    private final TreeSet<Long> failAt = new TreeSet<>();
    private double unconfirmedRate;
    private boolean never;
    private boolean confirms = true;
    private long seed = 1;

    private GatePlan(String spec) {
        this.spec = spec;
    }

    /** @throws InvalidInputException naming every bad item */
    public static GatePlan parse(String spec) {
        String text = spec == null ? "" : spec.trim();
        GatePlan plan = new GatePlan(text);
        if (text.isEmpty() || text.equalsIgnoreCase("none")) {
            return plan;
        }
        List<Problem> problems = new ArrayList<>();
        String[] items = text.split("[,&]");
        for (int i = 0; i < items.length; i++) {
            try {
                plan.apply(items[i].trim());
            } catch (IllegalArgumentException e) {
                problems.add(new Problem("item " + (i + 1) + " '" + items[i].trim() + "'", e.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("gate plan '" + text + "'", problems);
        }
        return plan;
    }

    private void apply(String item) {
        int eq = item.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("expected key=value");
        }
        String key = item.substring(0, eq).trim();
        String value = item.substring(eq + 1).trim();
        switch (key) {
            case "unconfirmedAt" -> numbers(value, unconfirmedAt);
            case "failAt" -> numbers(value, failAt);
            case "unconfirmedRate" -> unconfirmedRate = rate(value);
            case "never" -> never = bool(value);
            case "confirms" -> confirms = bool(value);
            case "seed" -> seed = number(value);
            default -> throw new IllegalArgumentException("unknown key '" + key
                    + "'; known: unconfirmedAt, unconfirmedRate, failAt, never, confirms, seed");
        }
    }

    private static void numbers(String value, TreeSet<Long> into) {
        for (String n : value.split("\\|")) {
            long v = number(n);
            if (v < 1) {
                throw new IllegalArgumentException("'" + n + "' must be at least 1");
            }
            into.add(v);
        }
    }

    private static long number(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a whole number");
        }
    }

    private static double rate(String value) {
        try {
            double p = Double.parseDouble(value);
            if (p < 0 || p > 1) {
                throw new IllegalArgumentException("'" + value + "' is not a probability 0..1");
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a number");
        }
    }

    private static boolean bool(String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("'" + value + "' must be true or false");
        }
        return Boolean.parseBoolean(value);
    }

    /** Whether the gate has a confirmation sensor. */
    public boolean confirms() {
        return confirms;
    }

    /** Whether the nth reject fails to be commanded. */
    boolean failsAt(long n) {
        return failAt.contains(n);
    }

    /** Whether the nth reject goes unconfirmed. */
    boolean unconfirmedAt(long n) {
        return never || unconfirmedAt.contains(n)
                || unconfirmedRate > 0 && new Random(seed * 0x9E3779B97F4A7C15L + n).nextDouble() < unconfirmedRate;
    }

    @Override
    public String toString() {
        return spec.isEmpty() ? "none" : spec;
    }
}

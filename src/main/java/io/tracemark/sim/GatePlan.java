package io.tracemark.sim;

import io.tracemark.core.InvalidInputException;
import java.util.Random;
import java.util.TreeSet;

/**
 * What goes wrong with a {@link VirtualRejectGate}, from a spec such as
 * {@code unconfirmedAt=30|45,unconfirmedRate=0.01,seed=3}. Items separated by {@code ,} or {@code &}:
 * <ul>
 *   <li>{@code unconfirmedAt=N[|N...]}: the Nth reject (1-based, challenge included) is not confirmed;</li>
 *   <li>{@code unconfirmedRate=P}: each reject unconfirmed with probability P, drawn from the seed;</li>
 *   <li>{@code failAt=N[|N...]}: the gate cannot be commanded for the Nth reject;</li>
 *   <li>{@code missedAt=N[|N...]}: a PLC ({@link VirtualPlc}) misses the Nth pulse of its coil (too short
 *       for its scan, a loose wire): it does not fire, confirm or count that reject;</li>
 *   <li>{@code extraAt=N[|N...]}: a PLC fires twice for the Nth pulse (a bouncing input): it counts one
 *       reject more than it was commanded;</li>
 *   <li>{@code counter=true}: the {@link VirtualRejectGate} has a reject counter the station reads back,
 *       as a PLC's (implied by {@code missedAt} and {@code extraAt}, which only a counter can show when
 *       the gate has no sensor; a {@link VirtualPlc} always has one);</li>
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
    private final TreeSet<Long> missedAt = new TreeSet<>();
    private final TreeSet<Long> extraAt = new TreeSet<>();
    private double unconfirmedRate;
    private boolean never;
    private boolean confirms = true;
    private boolean counter;
    private long seed = 1;

    private GatePlan(String spec) {
        this.spec = spec;
    }

    /** @throws InvalidInputException naming every bad item */
    public static GatePlan parse(String spec) {
        String text = spec == null ? "" : spec.trim();
        GatePlan plan = new GatePlan(text);
        PlanSpec.apply(text, "gate plan", plan::apply);
        return plan;
    }

    private void apply(String key, String value) {
        switch (key) {
            case "unconfirmedAt" -> numbers(value, unconfirmedAt);
            case "failAt" -> numbers(value, failAt);
            case "missedAt" -> numbers(value, missedAt);
            case "extraAt" -> numbers(value, extraAt);
            case "unconfirmedRate" -> unconfirmedRate = PlanSpec.rate(value);
            case "never" -> never = bool(value);
            case "confirms" -> confirms = bool(value);
            case "counter" -> counter = bool(value);
            case "seed" -> seed = PlanSpec.integer(value);
            default -> throw new IllegalArgumentException("unknown key '" + key
                    + "'; known: unconfirmedAt, unconfirmedRate, failAt, missedAt, extraAt, counter, never, confirms,"
                    + " seed");
        }
    }

    private static void numbers(String value, TreeSet<Long> into) {
        for (String n : value.split("\\|")) {
            into.add(PlanSpec.positive(n));
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

    /** Whether the gate has a reject counter the station reads back (counter, missedAt, extraAt). */
    public boolean counts() {
        return counter || !missedAt.isEmpty() || !extraAt.isEmpty();
    }

    /** Whether the nth reject fails to be commanded. */
    boolean failsAt(long n) {
        return failAt.contains(n);
    }

    /** Whether a PLC misses the nth pulse of its coil. */
    boolean missedAt(long n) {
        return missedAt.contains(n);
    }

    /** Whether a PLC fires (and counts) twice for the nth pulse of its coil. */
    boolean extraAt(long n) {
        return extraAt.contains(n);
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

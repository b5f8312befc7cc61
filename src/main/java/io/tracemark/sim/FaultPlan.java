package io.tracemark.sim;

import io.tracemark.core.InvalidInputException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

/**
 * A seeded plan of what goes wrong in a virtual printer, read from a spec such as
 * {@code paperOutAfter=500,headOpenAt=120,pauseAt=50|300,dropConnectionAt=30,slowLinkMs=20,smearEvery=97,seed=7}.
 *
 * <p>Grammar: items separated by {@code ,} or {@code &}; each {@code key=value}; empty or {@code none}
 * means no faults.
 * <ul>
 *   <li>{@code EVENTAt=N[|N...]}: the event happens at label N (1-based print count);
 *       {@code EVENTAfter=N} is {@code EVENTAt=N+1}. EVENT is one of {@code paperOut}, {@code ribbonOut}
 *       (label N comes out partial, then printing stops), {@code headOpen}, {@code pause},
 *       {@code dropConnection} (before label N, which stays in the printer);</li>
 *   <li>{@code smearEvery=N}, {@code partialEvery=N}: every Nth label is smeared / partly missing;</li>
 *   <li>{@code smearRate=P}, {@code partialRate=P}: each label with probability P (0..1), drawn from the seed;</li>
 *   <li>{@code slowLinkMs=N}: each received format and status query is delayed N ms;</li>
 *   <li>{@code seed=N}: seeds the random draws and the damage geometry (default 1).</li>
 * </ul>
 * A bad item is an error naming the item and its position.
 */
public final class FaultPlan {

    /** No faults at all. */
    public static final FaultPlan NONE = parse("");

    private static final Set<FaultKind> EVENTS = Set.of(FaultKind.PAPER_OUT, FaultKind.RIBBON_OUT,
            FaultKind.HEAD_OPEN, FaultKind.PAUSE, FaultKind.CONNECTION_DROP);

    private final String spec;
    private final Map<FaultKind, TreeSet<Long>> events = new EnumMap<>(FaultKind.class);
    private long smearEvery;
    private long partialEvery;
    private double smearRate;
    private double partialRate;
    private long slowLinkMs;
    private long seed = 1;

    private FaultPlan(String spec) {
        this.spec = spec;
    }

    /**
     * Parses a spec.
     *
     * @throws InvalidInputException naming every bad item ({@code item 2 'paperOutAfter=x'})
     */
    public static FaultPlan parse(String spec) {
        String text = spec == null ? "" : spec.trim();
        FaultPlan plan = new FaultPlan(text);
        PlanSpec.apply(text, "fault plan", plan::apply);
        return plan;
    }

    private void apply(String key, String value) {
        for (FaultKind kind : EVENTS) {
            if (key.equals(kind.key() + "At") || key.equals(kind.key() + "After")) {
                long shift = key.endsWith("After") ? 1 : 0;
                for (String n : value.split("\\|")) {
                    events.computeIfAbsent(kind, k -> new TreeSet<>()).add(PlanSpec.positive(n) + shift);
                }
                return;
            }
        }
        switch (key) {
            case "smearEvery" -> smearEvery = PlanSpec.positive(value);
            case "partialEvery" -> partialEvery = PlanSpec.positive(value);
            case "smearRate" -> smearRate = PlanSpec.rate(value);
            case "partialRate" -> partialRate = PlanSpec.rate(value);
            case "slowLinkMs" -> slowLinkMs = PlanSpec.whole(value);
            case "seed" -> seed = PlanSpec.whole(value);
            default -> throw new IllegalArgumentException("unknown key '" + key + "'; known: paperOutAt/After, "
                    + "ribbonOutAt/After, headOpenAt/After, pauseAt/After, dropConnectionAt/After, smearEvery, "
                    + "partialEvery, smearRate, partialRate, slowLinkMs, seed");
        }
    }

    /** The events (paper out, ribbon out, head open, pause, connection drop) planned at label {@code n}. */
    public List<FaultKind> eventsAt(long n) {
        List<FaultKind> due = new ArrayList<>();
        events.forEach((kind, at) -> {
            if (at.contains(n)) {
                due.add(kind);
            }
        });
        return due;
    }

    /** The damage planned for label {@code seq}: SMEAR, PARTIAL, or null for a clean label. */
    public FaultKind damageFor(long seq) {
        if (partialEvery > 0 && seq % partialEvery == 0) {
            return FaultKind.PARTIAL;
        }
        if (smearEvery > 0 && seq % smearEvery == 0) {
            return FaultKind.SMEAR;
        }
        Random draw = random(seq);
        double p = draw.nextDouble();
        if (p < partialRate) {
            return FaultKind.PARTIAL;
        }
        if (p < partialRate + smearRate) {
            return FaultKind.SMEAR;
        }
        return null;
    }

    /** A random source for label {@code seq}, fixed by the seed (same plan, same label, same draws). */
    public Random random(long seq) {
        long z = seed * 0x9E3779B97F4A7C15L + seq;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return new Random(z ^ (z >>> 31));
    }

    /** Delay applied to each received format and status query, in ms. */
    public long slowLinkMs() {
        return slowLinkMs;
    }

    /** The seed. */
    public long seed() {
        return seed;
    }

    /** Whether the plan does anything at all. */
    public boolean isNone() {
        return events.isEmpty() && smearEvery == 0 && partialEvery == 0 && smearRate == 0 && partialRate == 0
                && slowLinkMs == 0;
    }

    @Override
    public String toString() {
        return spec.isEmpty() ? "none" : spec;
    }
}

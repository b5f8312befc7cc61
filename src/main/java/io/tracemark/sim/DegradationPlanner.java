package io.tracemark.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Draws the plan of frame n from the seed alone (independent of the order frames are taken), and
 * classifies it: the parameter ranges of "mild" were chosen so that a print at ISO grade C or better
 * stays C or better through them; "marginal" ranges go beyond that.
 */
final class DegradationPlanner {

    private final DegradationMix mix;
    private final long seed;

    DegradationPlanner(DegradationMix mix, long seed) {
        this.mix = mix;
        this.seed = seed;
    }

    DegradationPlan plan(long frame) {
        SplittableRandom r = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + frame * 0xBF58476D1CE4E5B9L + 1);
        double offsetX = range(r, -12, 12);
        double offsetY = range(r, -10, 10);
        double rotation = range(r, -5, 5);
        double pick = r.nextDouble();
        List<Degradation> list = new ArrayList<>();
        ExpectedQuality expected;
        if ((pick -= mix.mild()) < 0) {
            mild(r, list, 1.0);
            expected = ExpectedQuality.GOOD;
        } else if ((pick -= mix.marginal()) < 0) {
            marginal(r, list);
            expected = ExpectedQuality.MARGINAL;
        } else if ((pick -= mix.missing()) < 0) {
            list.add(new Degradation.MissingLabel());
            expected = ExpectedQuality.MUST_FAIL;
        } else if ((pick -= mix.wrong()) < 0) {
            list.add(new Degradation.WrongLabel("previous label"));
            mild(r, list, 1.0);
            expected = ExpectedQuality.MUST_FAIL;
        } else if ((pick -= mix.damaged()) < 0) {
            if (r.nextBoolean()) {
                list.add(new Degradation.Smear(range(r, 0.5, 0.8)));
            } else {
                list.add(new Degradation.Voids(r.nextInt(8, 15), range(r, 0.45, 0.7)));
            }
            expected = ExpectedQuality.MUST_FAIL;
        } else {
            expected = ExpectedQuality.GOOD;
        }
        return new DegradationPlan(frame, offsetX, offsetY, rotation, list, expected, Optional.empty());
    }

    /** The mild degradations (each with probability ½), blur sigma up to {@code maxBlur} pixels. */
    static void mild(SplittableRandom r, List<Degradation> list, double maxBlur) {
        if (r.nextBoolean()) {
            list.add(new Degradation.Perspective(range(r, 0.0, 0.05)));
        }
        if (r.nextBoolean()) {
            list.add(new Degradation.LowContrast(range(r, 0.75, 1.0)));
        }
        if (r.nextBoolean()) {
            list.add(new Degradation.UnevenLight(range(r, 0.0, 0.2), range(r, 0, 360)));
        }
        if (r.nextBoolean()) {
            list.add(new Degradation.Blur(range(r, 0.3, maxBlur)));
        }
        if (r.nextBoolean()) {
            list.add(new Degradation.Noise(range(r, 1.0, 8.0)));
        }
    }

    private static void marginal(SplittableRandom r, List<Degradation> list) {
        switch (r.nextInt(7)) {
            case 0 -> list.add(new Degradation.Blur(range(r, 1.2, 2.4)));
            case 1 -> list.add(new Degradation.Noise(range(r, 12, 30)));
            case 2 -> list.add(new Degradation.LowContrast(range(r, 0.15, 0.45)));
            case 3 -> list.add(new Degradation.UnevenLight(range(r, 0.4, 0.7), range(r, 0, 360)));
            case 4 -> list.add(new Degradation.Perspective(range(r, 0.08, 0.18)));
            case 5 -> list.add(new Degradation.Smear(range(r, 0.03, 0.15)));
            default -> list.add(new Degradation.Voids(r.nextInt(2, 5), range(r, 0.03, 0.12)));
        }
    }

    static double range(SplittableRandom r, double from, double to) {
        return from + r.nextDouble() * (to - from);
    }
}

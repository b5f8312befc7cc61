package io.tracemark.app;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.sim.DegradationMix;
import io.tracemark.sim.FaultPlan;
import io.tracemark.sim.GatePlan;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/**
 * The fault spec of the simulated line, one item per device, e.g.
 * {@code printer.paperOutAfter=50,camera.defectRate=0.02,gate.unconfirmedAt=30}. Items without a
 * prefix belong to the printer ({@link FaultPlan} grammar). Camera keys: {@code defectRate} (damaged
 * labels), {@code missingRate}, {@code wrongRate}, {@code marginalRate}, {@code mildRate} (shares of
 * frames, see {@link DegradationMix}), {@code failAt=N} (the camera fails for good at frame N),
 * {@code seed}. Gate keys: {@link GatePlan}. Every bad item is reported, naming it.
 *
 * @param cameraFailAt frame number at which the camera fails, 0 for never
 */
public record LineFaults(FaultPlan printer, DegradationMix camera, long cameraFailAt, long cameraSeed, GatePlan gate) {

    /** Parses a spec; {@code cameraDefaults} is the mix when the spec names no camera share. */
    public static LineFaults parse(String spec, DegradationMix cameraDefaults, long seed) {
        StringJoiner printer = new StringJoiner(",");
        StringJoiner gate = new StringJoiner(",");
        double[] mix = {cameraDefaults.mild(), cameraDefaults.marginal(), cameraDefaults.missing(),
                cameraDefaults.wrong(), cameraDefaults.damaged()};
        long failAt = 0;
        long cameraSeed = seed;
        List<Problem> problems = new ArrayList<>();
        String text = spec == null ? "" : spec.trim();
        String[] items = text.isEmpty() || text.equals("none") ? new String[0] : text.split(",");
        for (int i = 0; i < items.length; i++) {
            String item = items[i].trim();
            String where = "item " + (i + 1) + " '" + item + "'";
            int eq = item.indexOf('=');
            if (eq <= 0) {
                problems.add(new Problem(where, "expected device.key=value"));
                continue;
            }
            String key = item.substring(0, eq);
            String value = item.substring(eq + 1);
            try {
                if (key.startsWith("camera.")) {
                    String k = key.substring(7);
                    switch (k) {
                        case "mildRate" -> mix[0] = rate(value);
                        case "marginalRate" -> mix[1] = rate(value);
                        case "missingRate" -> mix[2] = rate(value);
                        case "wrongRate" -> mix[3] = rate(value);
                        case "defectRate" -> mix[4] = rate(value);
                        case "failAt" -> failAt = Long.parseLong(value);
                        case "seed" -> cameraSeed = Long.parseLong(value);
                        default -> throw new IllegalArgumentException("unknown camera key '" + k + "'; known: defectRate, "
                                + "missingRate, wrongRate, marginalRate, mildRate, failAt, seed");
                    }
                } else if (key.startsWith("gate.")) {
                    GatePlan.parse(key.substring(5) + "=" + value);
                    gate.add(key.substring(5) + "=" + value);
                } else {
                    String k = key.startsWith("printer.") ? key.substring(8) : key;
                    FaultPlan.parse(k + "=" + value);
                    printer.add(k + "=" + value);
                }
            } catch (InvalidInputException e) {
                problems.add(new Problem(where, e.problems().get(0).message()));
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(where, e.getMessage()));
            }
        }
        DegradationMix cameraMix = null;
        try {
            cameraMix = new DegradationMix(mix[0], mix[1], mix[2], mix[3], mix[4]);
        } catch (IllegalArgumentException e) {
            problems.add(new Problem("camera", e.getMessage()));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("fault spec '" + text + "'", problems);
        }
        return new LineFaults(FaultPlan.parse(printer.toString()), cameraMix, failAt, cameraSeed,
                GatePlan.parse(gate.toString()));
    }

    private static double rate(String value) {
        double p;
        try {
            p = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a number");
        }
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("'" + value + "' is not a probability 0..1");
        }
        return p;
    }
}

package io.tracemark.verify;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The grades of one symbol: the overall grade (the lowest parameter grade for ISO 15415) and every
 * parameter grade with its measured value, in a stable order. Parameter names for 2D symbols:
 * {@code decode, symbolContrast, modulation, axialNonUniformity, gridNonUniformity,
 * unusedErrorCorrection, fixedPatternDamage}; for linear symbols {@code decode, symbolContrast,
 * minimumReflectance, minimumEdgeContrast, modulation}. A scanner that reports only an overall grade
 * has no parameters. {@code measuredOn} names, per parameter, the symbol region (with its quiet zone,
 * frame pixels) and the module size it was measured on. Process-control grades, not a certified
 * verification.
 */
public record Grades(Grade overall, Map<String, Grade> parameters, Map<String, Double> measurements,
                     Map<String, MeasuredOn> measuredOn) {

    public Grades {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        measurements = Collections.unmodifiableMap(new LinkedHashMap<>(measurements));
        measuredOn = Collections.unmodifiableMap(new LinkedHashMap<>(measuredOn));
    }

    /** Grades without a record of where they were measured (e.g. from a reader's own report). */
    public Grades(Grade overall, Map<String, Grade> parameters, Map<String, Double> measurements) {
        this(overall, parameters, measurements, Map.of());
    }

    /** The same grades with every parameter marked as measured on {@code where}. */
    Grades measuredOn(MeasuredOn where) {
        Map<String, MeasuredOn> on = new LinkedHashMap<>();
        parameters.keySet().forEach(k -> on.put(k, where));
        return new Grades(overall, parameters, measurements, on);
    }

    /** Grades as reported by a reader that only gives the overall grade. */
    public static Grades overallOnly(Grade overall) {
        return new Grades(overall, Map.of(), Map.of());
    }

    /** True when the overall grade is at least {@code minimum}. */
    public boolean pass(Grade minimum) {
        return overall.atLeast(minimum);
    }
}

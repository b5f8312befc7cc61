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
 * has no parameters. Process-control grades, not a certified verification.
 */
public record Grades(Grade overall, Map<String, Grade> parameters, Map<String, Double> measurements) {

    public Grades {
        parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        measurements = Collections.unmodifiableMap(new LinkedHashMap<>(measurements));
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

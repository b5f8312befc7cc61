package io.tracemark.line;

import io.tracemark.verify.Grades;
import java.util.List;

/**
 * One graded parameter of a read, e.g. {@code symbolContrast} B with its measured value 0.62 (ISO/IEC
 * 15415 §7.8 for 2D symbols, ISO/IEC 15416 for linear ones).
 *
 * @param value the measured value, null when the grader keeps none for it
 */
public record GradeParameter(String name, String grade, Double value) {

    /** The parameters of {@code grades} in the grader's order. */
    static List<GradeParameter> of(Grades grades) {
        return grades.parameters().entrySet().stream()
                .map(e -> new GradeParameter(e.getKey(), e.getValue().letter(), grades.measurements().get(e.getKey())))
                .toList();
    }
}

package io.tracemark.verify;

/**
 * One ISO/IEC 15415 / 15416 style grade: a letter A–F and its numeric value 4.0–0.0 (an overall
 * grade averaged over scans may be fractional, e.g. 2.5). These are process-control grades computed
 * from a camera frame, not the result of a certified verifier.
 */
public record Grade(String letter, double value) implements Comparable<Grade> {

    public static final Grade A = new Grade("A", 4.0);
    public static final Grade B = new Grade("B", 3.0);
    public static final Grade C = new Grade("C", 2.0);
    public static final Grade D = new Grade("D", 1.0);
    public static final Grade F = new Grade("F", 0.0);

    public Grade {
        if (value < 0.0 || value > 4.0 || Double.isNaN(value)) {
            throw new IllegalArgumentException("grade value must be within 0.0..4.0, got " + value);
        }
    }

    /** The grade of a numeric value; letters follow ISO 15415 rounding (3.5 and above is A, ...). */
    public static Grade of(double value) {
        return new Grade(letterOf(value), value);
    }

    /** Parses "A".."F" (also "E" as F, as some readers print) or a number 0..4 such as "2.5". */
    public static Grade parse(String text) {
        String t = text.trim().toUpperCase(java.util.Locale.ROOT);
        return switch (t) {
            case "A" -> A;
            case "B" -> B;
            case "C" -> C;
            case "D" -> D;
            case "E", "F" -> F;
            default -> {
                try {
                    yield of(Double.parseDouble(t));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("not a grade (A-F or 0-4): '" + text + "'", e);
                }
            }
        };
    }

    private static String letterOf(double value) {
        if (value >= 3.5) {
            return "A";
        } else if (value >= 2.5) {
            return "B";
        } else if (value >= 1.5) {
            return "C";
        } else if (value >= 0.5) {
            return "D";
        }
        return "F";
    }

    /** True when this grade is at least {@code minimum} by numeric value. */
    public boolean atLeast(Grade minimum) {
        return value >= minimum.value - 1e-9;
    }

    @Override
    public int compareTo(Grade other) {
        return Double.compare(value, other.value);
    }

    @Override
    public String toString() {
        return letter + " (" + value + ")";
    }
}

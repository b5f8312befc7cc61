package io.tracemark.codes;

import java.util.ArrayList;
import java.util.List;

/** GS1 identification keys that are a fixed number of digits ending in a mod-10 check digit. */
public enum Gs1Key {
    GTIN_8("GTIN-8", 8),
    GTIN_12("GTIN-12", 12),
    GTIN_13("GTIN-13", 13),
    GTIN_14("GTIN-14", 14),
    SSCC("SSCC", 18),
    GLN("GLN", 13);

    private final String label;
    private final int length;

    Gs1Key(String label, int length) {
        this.label = label;
        this.length = length;
    }

    /** The name used in the GS1 General Specifications, e.g. {@code GTIN-13}. */
    public String label() {
        return label;
    }

    /** Number of digits including the check digit. */
    public int length() {
        return length;
    }

    /** Every problem with {@code key} as this kind of key; empty when it is valid. */
    public List<String> problems(String key) {
        List<String> problems = new ArrayList<>();
        if (key.length() != length) {
            problems.add(label + " must be " + length + " digits, not " + key.length());
        }
        if (!Gs1CheckDigit.isDigits(key)) {
            problems.add(label + " must hold digits only");
        }
        if (problems.isEmpty()) {
            Gs1CheckDigit.problem(key).ifPresent(problems::add);
        }
        return problems;
    }

    /** Whether {@code key} is a valid key of this kind. */
    public boolean isValid(String key) {
        return problems(key).isEmpty();
    }

    /** The GTIN kind for a key of {@code length} digits (8, 12, 13 or 14). */
    public static Gs1Key gtinOfLength(int length) {
        return switch (length) {
            case 8 -> GTIN_8;
            case 12 -> GTIN_12;
            case 13 -> GTIN_13;
            case 14 -> GTIN_14;
            default -> throw new IllegalArgumentException("a GTIN has 8, 12, 13 or 14 digits, not " + length);
        };
    }

    /** Problems of {@code gtin} as a GTIN of any of the four lengths. */
    public static List<String> gtinProblems(String gtin) {
        int n = gtin.length();
        if (n != 8 && n != 12 && n != 13 && n != 14) {
            List<String> problems = new ArrayList<>();
            problems.add("a GTIN has 8, 12, 13 or 14 digits, not " + n);
            if (!Gs1CheckDigit.isDigits(gtin)) {
                problems.add("a GTIN holds digits only");
            }
            return problems;
        }
        return gtinOfLength(n).problems(gtin);
    }

    /**
     * A valid GTIN-8/12/13/14 padded with leading zeros to 14 digits (the form in AI 01 and in
     * Digital Link).
     *
     * @throws IllegalArgumentException naming every problem if {@code gtin} is not a valid GTIN
     */
    public static String normaliseGtin(String gtin) {
        List<String> problems = gtinProblems(gtin);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("GTIN " + gtin + ": " + String.join("; ", problems));
        }
        return "0".repeat(14 - gtin.length()) + gtin;
    }
}

package io.tracemark.codes;

import java.util.Optional;

/**
 * The GS1 mod-10 check digit (GS1 General Specifications 7.9.1): digits weighted 3 and 1
 * alternately from the right (the position next to the check digit weighs 3), the check digit
 * brings the sum up to a multiple of ten. Used by GTIN, SSCC, GLN, GSIN and the AIs carrying them.
 */
public final class Gs1CheckDigit {

    private Gs1CheckDigit() {
    }

    /**
     * The check digit for {@code body}, the digits before the check digit.
     *
     * @throws IllegalArgumentException if {@code body} is empty or holds a non-digit
     */
    public static int compute(String body) {
        if (body.isEmpty() || !isDigits(body)) {
            throw new IllegalArgumentException("check digit: '" + body + "' is not a string of digits");
        }
        int sum = 0;
        for (int i = body.length() - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
            sum += (body.charAt(i) - '0') * weight;
        }
        return (10 - sum % 10) % 10;
    }

    /** Whether the last digit of {@code digits} is the right check digit for the ones before it. */
    public static boolean isValid(String digits) {
        return digits.length() >= 2 && isDigits(digits) && problem(digits).isEmpty();
    }

    /**
     * What is wrong with the check digit, e.g. {@code check digit should be 2}; empty when it is
     * right. The caller has already checked that {@code digits} is at least two digits.
     */
    public static Optional<String> problem(String digits) {
        int expected = compute(digits.substring(0, digits.length() - 1));
        int actual = digits.charAt(digits.length() - 1) - '0';
        return expected == actual ? Optional.empty() : Optional.of("check digit should be " + expected);
    }

    /** {@code body} followed by its check digit. */
    public static String append(String body) {
        return body + compute(body);
    }

    static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}

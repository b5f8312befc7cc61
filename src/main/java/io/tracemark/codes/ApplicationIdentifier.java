package io.tracemark.codes;

import java.util.ArrayList;
import java.util.List;

/**
 * One GS1 Application Identifier and the rules for its value, as in the GS1 General
 * Specifications section 3 and the GS1 Barcode Syntax Dictionary.
 *
 * @param ai        the AI digits, e.g. {@code 01}
 * @param title     the data title, e.g. {@code GTIN}
 * @param minLength shortest value (characters after the AI)
 * @param maxLength longest value; equal to {@code minLength} for fixed-length AIs
 * @param charset   characters allowed in the value
 * @param rule      extra rule on the value (check digit, date, country)
 */
public record ApplicationIdentifier(String ai, String title, int minLength, int maxLength,
                                    CharacterSet charset, ValueRule rule) {

    /** Extra rules some AIs put on their value. */
    public enum ValueRule {
        NONE,
        /** The last digit is a GS1 mod-10 check digit. */
        CHECK_DIGIT,
        /** YYMMDD; DD may be 00 when only year and month are known (GS1 GenSpecs 7.12). */
        DATE,
        /** YYMMDDhhmm (AI 7003); the day must be a real day. */
        DATE_TIME,
        /** ISO 3166-1 numeric country code (AI 422). */
        COUNTRY,
        /** GTIN (with check digit) + piece number + total count, piece between 1 and total (AI 8006). */
        ITIP
    }

    /** Whether the value always has the same length. */
    public boolean fixedLength() {
        return minLength == maxLength;
    }

    /** Whether the AI's prefix is in the GS1 table of predefined lengths (no separator after it). */
    public boolean predefinedLength() {
        return ApplicationIdentifiers.predefinedValueLength(ai).isPresent();
    }

    /** The GS1 format notation, e.g. {@code N14} or {@code X..20}. */
    public String format() {
        String kind = charset == CharacterSet.NUMERIC ? "N" : "X";
        return fixedLength() ? kind + maxLength : kind + ".." + maxLength;
    }

    /** Every problem with {@code value} under this AI; empty when it is valid. */
    public List<String> problems(String value) {
        List<String> problems = new ArrayList<>();
        if (fixedLength() && value.length() != maxLength) {
            problems.add("value must be " + maxLength + " characters (" + format() + "), not " + value.length());
        } else if (value.length() < minLength || value.length() > maxLength) {
            problems.add("value must be " + minLength + " to " + maxLength + " characters (" + format()
                    + "), not " + value.length());
        }
        int bad = charset.firstInvalid(value);
        if (bad >= 0) {
            problems.add("character '" + printable(value.charAt(bad)) + "' at position " + (bad + 1)
                    + " is not in " + charset.description());
        }
        if (problems.isEmpty()) {
            ValueRules.check(rule, value).ifPresent(problems::add);
        }
        return problems;
    }

    private static String printable(char c) {
        return c < 0x20 || c == 0x7f ? String.format("\\u%04X", (int) c) : String.valueOf(c);
    }
}

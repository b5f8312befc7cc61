package io.tracemark.codes;

/** The character sets the GS1 General Specifications allow in AI values (section 7.11). */
public enum CharacterSet {
    /** Digits 0-9 only. */
    NUMERIC("digits"),
    /** GS1 AI encodable character set 82 (Figure 7.11-1): ISO 646 invariant subset. */
    CSET82("GS1 AI encodable character set 82"),
    /** GS1 AI encodable character set 39 (Figure 7.11-2): # - / 0-9 A-Z. */
    CSET39("GS1 AI encodable character set 39"),
    /** GS1 AI encodable character set 64 (Figure 7.11-3): base64url, A-Z a-z 0-9 - _, and = as padding at the end. */
    CSET64("GS1 AI encodable character set 64 (base64url)");

    private static final String SET82 =
            "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
    private static final String SET39 = "#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String SET64 = "-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

    private final String description;

    CharacterSet(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Whether {@code c} belongs to this set. */
    public boolean contains(char c) {
        return switch (this) {
            case NUMERIC -> c >= '0' && c <= '9';
            case CSET82 -> SET82.indexOf(c) >= 0;
            case CSET39 -> SET39.indexOf(c) >= 0;
            case CSET64 -> SET64.indexOf(c) >= 0 || c == '=';
        };
    }

    /** The set a syntax dictionary component type names: N, X, Y or Z. */
    static CharacterSet ofDictionaryType(char type) {
        return switch (type) {
            case 'N' -> NUMERIC;
            case 'X' -> CSET82;
            case 'Y' -> CSET39;
            case 'Z' -> CSET64;
            default -> throw new IllegalArgumentException("no GS1 character set of type '" + type + "'");
        };
    }

    /** Index of the first character of {@code value} outside this set, or -1. */
    public int firstInvalid(String value) {
        int end = value.length();
        if (this == CSET64) {
            // padding: at most two '=' at the end, and only on a length divisible by 3 (lint_cset64.c)
            int pads = 0;
            while (pads < end && value.charAt(end - pads - 1) == '=') {
                pads++;
            }
            if (pads > 2 || (pads > 0 && value.length() % 3 != 0)) {
                return end - pads;
            }
            end -= pads;
        }
        for (int i = 0; i < end; i++) {
            if (!contains(value.charAt(i)) || (this == CSET64 && value.charAt(i) == '=')) {
                return i;
            }
        }
        return -1;
    }
}

package io.tracemark.codes;

/** The character sets the GS1 General Specifications allow in AI values (section 7.11). */
public enum CharacterSet {
    /** Digits 0-9 only. */
    NUMERIC("digits"),
    /** GS1 AI encodable character set 82 (Figure 7.11-1): ISO 646 invariant subset. */
    CSET82("GS1 AI encodable character set 82"),
    /** GS1 AI encodable character set 39 (Figure 7.11-2): # - / 0-9 A-Z. */
    CSET39("GS1 AI encodable character set 39");

    private static final String SET82 =
            "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";
    private static final String SET39 = "#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

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
        };
    }

    /** Index of the first character of {@code value} outside this set, or -1. */
    public int firstInvalid(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (!contains(value.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}

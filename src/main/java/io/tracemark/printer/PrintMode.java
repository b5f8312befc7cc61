package io.tracemark.printer;

/** Field {@code r} of {@code ~HS} string 2: how the media leaves the printer. */
public enum PrintMode {
    REWIND('0'), PEEL_OFF('1'), TEAR_OFF('2'), CUTTER('3'), APPLICATOR('4'), DELAYED_CUT('5'),
    LINERLESS_PEEL('6'), LINERLESS_REWIND('7'), PARTIAL_CUTTER('8'), RFID('9'), KIOSK('K'), OTHER('?');

    private final char code;

    PrintMode(char code) {
        this.code = code;
    }

    /** The character sent in {@code ~HS}. */
    public char code() {
        return code;
    }

    /** The mode for a {@code ~HS} character; {@link #OTHER} when unknown. */
    public static PrintMode of(char c) {
        for (PrintMode mode : values()) {
            if (mode.code == Character.toUpperCase(c)) {
                return mode;
            }
        }
        return OTHER;
    }
}

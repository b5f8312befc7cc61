package io.tracemark.printer;

/**
 * Warning flags of {@code ~HQES}, group 1, per the ZPL II Programming Guide's warning flag table:
 * nibble 1 need to calibrate media 1, clean printhead 2, replace printhead 4, paper-near-end sensor 8;
 * nibble 2 sensors 1..4 (paper before head, black mark, paper after head, loop ready); nibble 3
 * sensors 5..8 (presenter, retract ready, in retract, at bin).
 */
public enum PrinterWarning {
    NEED_TO_CALIBRATE_MEDIA(0x1), CLEAN_PRINTHEAD(0x2), REPLACE_PRINTHEAD(0x4), PAPER_NEAR_END(0x8),
    SENSOR_1_PAPER_BEFORE_HEAD(0x10), SENSOR_2_BLACK_MARK(0x20), SENSOR_3_PAPER_AFTER_HEAD(0x40),
    SENSOR_4_LOOP_READY(0x80), SENSOR_5_PRESENTER(0x100), SENSOR_6_RETRACT_READY(0x200),
    SENSOR_7_IN_RETRACT(0x400), SENSOR_8_AT_BIN(0x800);

    private final long mask;

    PrinterWarning(long mask) {
        this.mask = mask;
    }

    /** The bit in warning group 1. */
    public long mask() {
        return mask;
    }
}

package io.tracemark.printer;

/**
 * Error flags of {@code ~HQES}, group 1 (the low 32 bits), per the ZPL II Programming Guide's error
 * flag table: nibble 1 media out 1, ribbon out 2, head open 4, cutter fault 8; nibble 2 printhead
 * over temperature 1, motor over temperature 2, bad printhead element 4, printhead detection error 8;
 * nibble 3 invalid firmware configuration 1, printhead thermistor open 2; nibble 4 paper jam during
 * retract 1, presenter not running 2, paper feed error 4, clear paper path failed 8; nibble 5 paused 1,
 * retract function timed out 2, black mark calibrate error 4, black mark not found 8.
 */
public enum PrinterError {
    MEDIA_OUT(0x1), RIBBON_OUT(0x2), HEAD_OPEN(0x4), CUTTER_FAULT(0x8),
    PRINTHEAD_OVER_TEMPERATURE(0x10), MOTOR_OVER_TEMPERATURE(0x20), BAD_PRINTHEAD_ELEMENT(0x40),
    PRINTHEAD_DETECTION_ERROR(0x80),
    INVALID_FIRMWARE_CONFIG(0x100), PRINTHEAD_THERMISTOR_OPEN(0x200),
    PAPER_JAM_DURING_RETRACT(0x1000), PRESENTER_NOT_RUNNING(0x2000), PAPER_FEED_ERROR(0x4000),
    CLEAR_PAPER_PATH_FAILED(0x8000),
    PAUSED(0x10000), RETRACT_FUNCTION_TIMED_OUT(0x20000), BLACK_MARK_CALIBRATE_ERROR(0x40000),
    BLACK_MARK_NOT_FOUND(0x80000);

    private final long mask;

    PrinterError(long mask) {
        this.mask = mask;
    }

    /** The bit in error group 1. */
    public long mask() {
        return mask;
    }
}

package io.tracemark.printer;

/** A condition the station cares about, derived from {@code ~HS}, {@code ~HQES} or the link. */
public enum PrinterCondition {
    /** The link is down (connection refused, closed or broken). */
    DISCONNECTED(true),
    /** The printer did not answer {@code ~HS} in time (Zebra printers are silent with the head open). */
    NOT_RESPONDING(true),
    PAPER_OUT(true),
    HEAD_OPEN(true),
    RIBBON_OUT(true),
    PAUSED(true),
    OVER_TEMPERATURE(true),
    UNDER_TEMPERATURE(false),
    CORRUPT_RAM(false),
    /** Another {@code ~HQES} error (cutter, printhead, paper path). */
    HARDWARE_ERROR(true),
    /** The receive buffer is full; the printer still prints, the host must wait. */
    BUFFER_FULL(false);

    private final boolean stopsPrinting;

    PrinterCondition(boolean stopsPrinting) {
        this.stopsPrinting = stopsPrinting;
    }

    /** Whether labels stop coming out while this holds (a fault for the line). */
    public boolean stopsPrinting() {
        return stopsPrinting;
    }
}

package io.tracemark.printer;

/**
 * Receives what a {@link Printer} learns. All calls come from one thread per printer, in the order
 * the events happened; a listener must return quickly and must not block on the printer's own
 * submit (abort and status are allowed).
 */
public interface PrinterListener {

    /**
     * The label of {@code unitId} has left the printer: its counters ({@code ~HS} formats in buffer and
     * labels remaining) dropped past it. Called once per label, in submission order.
     */
    void printed(long unitId);

    /**
     * The labels of {@code unitIds} have left the printer, in submission order: what one look at the
     * printer found, told at once so that a listener can hand them on in one hop instead of one per
     * label. By default, {@link #printed(long)} for each.
     */
    default void printed(java.util.List<Long> unitIds) {
        unitIds.forEach(this::printed);
    }

    /**
     * The printer stopped printing (paper out, head open, ribbon out, pause, silent, disconnected).
     * Called once when the fault begins; submits fail until {@link Printer#abort()} has been called and
     * the condition has cleared.
     */
    void fault(PrinterStatus status);

    /**
     * The fault condition cleared (paper reloaded, head closed, link back). Submits work again once
     * {@link Printer#abort()} has also been called (the units in doubt must be settled first).
     */
    default void recovered(PrinterStatus status) {
    }
}

package io.tracemark.sim;

/** Receives every label a {@link VirtualPrinter} prints, in print order, on the printer's print thread. */
@FunctionalInterface
public interface PrintedLabelListener {

    /** A label came out. Return quickly; render with {@code label.image().get()} when needed. */
    void printed(PrintedLabel label);
}

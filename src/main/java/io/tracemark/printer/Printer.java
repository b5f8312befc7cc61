package io.tracemark.printer;

import java.util.List;

/**
 * A label printer as the line controller drives it. Implementations speak one protocol (ZPL for
 * {@link ZplPrinter}) over any transport.
 *
 * <p>Contract (every call is bounded in time; failures are {@link io.tracemark.core.DeviceException}s
 * naming {@link #device()}, never a hang):
 * <ul>
 *   <li>{@link #open(JobSettings)} before the first {@link #submit(LabelJob)};</li>
 *   <li>at most {@link #lookAhead()} labels are in the printer at once; {@code submit} blocks while that
 *       many are outstanding;</li>
 *   <li>each submitted unit ends in exactly one of: a {@link PrinterListener#printed(long)} callback, or
 *       the list returned by {@link #abort()};</li>
 *   <li>after {@link PrinterListener#fault(PrinterStatus)}, {@code submit} throws
 *       {@link PrinterFaultException} until {@code abort()} is called.</li>
 * </ul>
 */
public interface Printer extends AutoCloseable {

    /** The printer's URI, named in every error. */
    String device();

    /**
     * Connects and sends the job start settings (speed, darkness, media, print width, label length,
     * no reprint after error), then starts watching the printer's status.
     *
     * @throws io.tracemark.core.DeviceException when the printer cannot be reached or written
     */
    void open(JobSettings settings);

    /**
     * Stores a format in the printer ({@code ^XA^DFR:NAME.ZPL^FS...^XZ}) for later {@code ^XF} recalls.
     * Remembered and sent again after a reconnect.
     *
     * @throws IllegalArgumentException when {@code dfZpl} holds no {@code ^DF}
     * @throws io.tracemark.core.DeviceException when the write fails
     */
    void downloadFormat(String dfZpl);

    /**
     * Sends one label. Blocks while {@link #lookAhead()} labels are outstanding, at most the submit
     * timeout. The unit counts as outstanding from the moment the first byte may have left.
     *
     * @throws PrinterFaultException when the printer is in fault (before or during the write)
     * @throws io.tracemark.core.DeviceException when the look-ahead stays full past the submit timeout
     * @throws IllegalArgumentException when the ZPL would print other than one label ({@code ^PQ} &gt; 1)
     */
    void submit(LabelJob job);

    /**
     * Sends labels in order, as {@link #submit} does each; a driver may put the labels its look-ahead has
     * room for at once into one write. Blocks like {@code submit}; on a failure the labels not yet written
     * are not sent, and the exception names the unit it stopped at.
     */
    default void submitAll(List<LabelJob> jobs) {
        for (LabelJob job : jobs) {
            submit(job);
        }
    }

    /** Adds a listener; callbacks arrive on one thread per printer, in order. */
    void addListener(PrinterListener listener);

    /** Removes a listener added before. */
    void removeListener(PrinterListener listener);

    /**
     * Asks the printer now ({@code ~HS}, and {@code ~HQES}), connecting first if needed. Never throws
     * for a silent or unreachable printer: that is a status ({@link PrinterStatus.Link}).
     */
    PrinterStatus status();

    /**
     * The printer's label odometer (labels printed in its life), asked now, when the printer reports
     * one; empty when it does not or does not answer in time. Never throws.
     */
    default java.util.OptionalLong labelOdometer() {
        return java.util.OptionalLong.empty();
    }

    /** Units sent and not yet confirmed printed, oldest first. */
    List<Long> outstanding();

    /** How many labels may be in the printer at once. */
    int lookAhead();

    /**
     * Cancels everything in the printer ({@code ~JA}, reconnecting first if the link dropped), clears the
     * fault latch, and returns the units that were sent but not confirmed printed, oldest first: they
     * may or may not have printed and must never be reprinted. Printed callbacks for units confirmed
     * before the cancel are delivered before this returns (unless called from a callback).
     */
    List<Long> abort();

    /** Stops status polling and closes the link. Outstanding units stay unconfirmed. */
    @Override
    void close();
}

package io.tracemark.verify;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * A verifier: a camera scanner that reports one {@link ReadResult} per trigger or per frame.
 *
 * <p>Contract: {@link #start()} connects and begins delivering results on a thread the scanner owns;
 * the listener is called from that single thread, in order, and must not block for long. Results that
 * cannot be parsed are delivered as {@link ReadResult.BadRead}, never thrown. {@link #stop()} closes
 * the connection and returns after the delivery thread has ended; it is idempotent. A scanner is
 * started at most once.
 */
public interface Scanner extends AutoCloseable {

    /** A short name for logs and errors, e.g. the device URI. */
    String name();

    /**
     * Sets the one listener that receives every result. Must be called before {@link #start()}.
     */
    void setListener(Consumer<ReadResult> listener);

    /**
     * Connects to the device and starts delivering results.
     *
     * @throws io.tracemark.core.DeviceException naming the device when it cannot be reached
     */
    void start();

    /**
     * Turns the reading trigger on (the reader reads until a symbol is found or the trigger goes
     * off) or off. For a continuous image source, on/off gates whether frames are decoded.
     *
     * @throws io.tracemark.core.DeviceException when the command cannot be sent
     */
    void trigger(boolean on);

    /**
     * Whether the station must call {@link #trigger(boolean) trigger(true)} once per unit (when the
     * printer confirms the unit's label printed) for the reader to read it. False for readers started
     * by a photo-eye or reading continuously.
     */
    default boolean triggeredPerUnit() {
        return false;
    }

    /**
     * Whether the station itself holds frames of this scanner it has not yet turned into results (one
     * being decoded, or frames waiting for the decoder): their results are on the way. A reader that
     * decodes in the device has nothing of the kind: false.
     */
    default boolean decoding() {
        return false;
    }

    /**
     * Restricts decoding to a region of interest of the camera's frames (frame pixels), or lifts the
     * restriction (empty). Only a scanner whose frames the station decodes can: others return false
     * and change nothing (a reader that decodes in the device is set up on the device).
     */
    default boolean regionOfInterest(Optional<java.awt.Rectangle> roi) {
        return false;
    }

    /** Stops delivering results and releases the connection; blocks until the delivery thread ends. */
    void stop();

    /**
     * Where a lost link or a failed source is reported ({@code detail} names the device and the
     * failure). A scanner that can reconnect keeps trying, with backoff, and reports {@link #onRecovered}.
     */
    default void onFault(Consumer<String> listener) {
    }

    /** Where a scanner that reconnected after a fault reports it. */
    default void onRecovered(Runnable listener) {
    }

    /** Counters of reads, no-reads and bad reads delivered so far. */
    ScanCounts counts();

    @Override
    default void close() {
        stop();
    }
}

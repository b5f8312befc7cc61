package io.tracemark.verify;

import java.time.Duration;
import java.util.Optional;

/**
 * Camera images for the station to decode: a folder the camera uploads into, an HTTP snapshot URL,
 * an MJPEG stream, or the virtual camera.
 *
 * <p>Contract: {@link #next(Duration)} is called from one thread at a time; it blocks at most about
 * {@code timeout} and returns empty when no frame came in that time. A source that has failed for
 * good (stream closed, folder deleted) throws {@link io.tracemark.core.DeviceException} naming the
 * source. {@link #close()} is idempotent and makes a blocked {@code next} return promptly.
 */
public interface ImageSource extends AutoCloseable {

    /** A short name for logs and errors (folder path, URL, "virtual-camera"). */
    String name();

    /**
     * The next frame, waiting up to {@code timeout}.
     *
     * @throws InterruptedException when the calling thread is interrupted while waiting
     * @throws io.tracemark.core.DeviceException when the source cannot deliver frames any more
     */
    Optional<Frame> next(Duration timeout) throws InterruptedException;

    /**
     * Asks the source for a frame now (snapshot sources take one; streaming sources ignore it).
     * Default: nothing.
     */
    default void trigger() {
    }

    /**
     * Whether the source delivers a frame only when asked ({@link #trigger()} once per frame, e.g. a
     * snapshot URL): the station then asks once per printed label. False for sources that deliver
     * frames by themselves (a stream, a folder the camera uploads into).
     */
    default boolean triggeredPerFrame() {
        return false;
    }

    /** Frames the source holds that {@link #next} has not handed out yet (buffered, waiting). Default: 0. */
    default int waiting() {
        return 0;
    }

    @Override
    void close();
}

package io.tracemark.device;

import io.tracemark.core.DeviceException;
import java.time.Duration;

/**
 * A byte link to one device (a TCP socket, a serial port, an in-memory pipe). Protocols (ZPL,
 * scanner result strings) run on top unchanged.
 *
 * <p>Contract: every call that can block has a bound: {@link #open()} the connect timeout,
 * {@link #write(byte[])} the write timeout, {@link #read(byte[], Duration)} the timeout given. A
 * failure is a {@link DeviceException} naming {@link #uri()}, never a hang. Implementations are
 * safe for one reader and one writer thread; callers that interleave request and reply (status
 * queries) serialise those exchanges themselves.
 */
public interface Transport extends AutoCloseable {

    /** The address this transport was built from; named in every error. */
    DeviceUri uri();

    /**
     * Opens the link if it is not open. Blocks at most the connect timeout.
     *
     * @throws DeviceException when the device cannot be reached
     */
    void open();

    /** Whether the link is open (as far as this side knows; a peer close is seen on read or write). */
    boolean isOpen();

    /**
     * Writes all bytes. Blocks at most the write timeout (a peer that stops reading fails the write).
     *
     * @throws DeviceException when the link is closed, broken or the write timed out
     */
    void write(byte[] bytes);

    /**
     * Reads what has arrived, up to {@code buffer.length} bytes, waiting at most {@code timeout}.
     *
     * @return the number of bytes read, 0 when nothing arrived in time
     * @throws DeviceException when the link is closed (also by the peer) or broken
     */
    int read(byte[] buffer, Duration timeout);

    /**
     * Reads what has already arrived, up to {@code buffer.length} bytes, without waiting (this
     * default waits a millisecond: {@link #read} with the shortest timeout).
     *
     * @return the number of bytes read, 0 when nothing is there
     * @throws DeviceException when the link is closed or broken
     */
    default int readNow(byte[] buffer) {
        return read(buffer, Duration.ofMillis(1));
    }

    /** Discards bytes already received and not read (for example a late reply to a timed-out query). */
    void discardInput();

    /**
     * Closes the link and opens it again, retrying with {@code backoff} until {@code within} has passed.
     *
     * @throws DeviceException naming the attempts made and keeping the last cause
     */
    default void reconnect(Backoff backoff, Duration within) {
        backoff.retry(uri(), within, () -> {
            close();
            open();
        });
    }

    /** Closes the link; never throws, idempotent. */
    @Override
    void close();
}

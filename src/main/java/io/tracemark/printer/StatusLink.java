package io.tracemark.printer;

import io.tracemark.core.DeviceException;
import io.tracemark.device.Backoff;
import io.tracemark.device.Transport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Serialises every exchange on a printer's transport (a label write must not split a status reply)
 * and runs the {@code ~HS} / {@code ~HQES} queries.
 */
final class StatusLink {

    private final Transport transport;
    private final Duration timeout;
    private final ReentrantLock io = new ReentrantLock();
    private final byte[] buffer = new byte[1024];
    private volatile int generation;

    StatusLink(Transport transport, Duration timeout) {
        this.transport = transport;
        this.timeout = timeout;
    }

    /** Runs {@code action} with the link to itself. */
    <T> T exclusive(Supplier<T> action) {
        io.lock();
        try {
            return action.get();
        } finally {
            io.unlock();
        }
    }

    /** Opens the link if closed; each successful (re)open bumps {@link #generation()}. Holds the link. */
    void ensureOpen() {
        exclusive(() -> {
            if (!transport.isOpen()) {
                transport.open();
                generation++;
            }
            return null;
        });
    }

    /** Reopens a closed link, retrying with {@code backoff} for at most {@code within}; bumps the generation. */
    void reconnectIfClosed(Backoff backoff, Duration within) {
        exclusive(() -> {
            if (!transport.isOpen()) {
                transport.reconnect(backoff, within);
                generation++;
            }
            return null;
        });
    }

    /** Counts the opens of the link, so the driver knows when to send its job setup again. */
    int generation() {
        return generation;
    }

    /**
     * Asks {@code ~HS} (and {@code ~HQES} when asked to, or when {@code ~HS} shows a problem or stays
     * silent). Opens the link first if it is closed. Never throws: failures become a status.
     */
    PrinterStatus query(boolean alwaysExtended) {
        return exclusive(() -> {
            String device = transport.uri().raw();
            try {
                ensureOpen();
                String hs = exchange("~HS", 3);
                if (hs == null) {
                    ExtendedStatus why = extended();
                    // A late reply must never be read as the answer to a later query (it would confirm
                    // labels the printer has not printed): drop the connection; the next exchange opens
                    // a fresh one, and units written before it are no longer confirmed by counters.
                    transport.close();
                    return new PrinterStatus(device, Instant.now(), PrinterStatus.Link.SILENT, null, why,
                            "no reply to ~HS within " + timeout.toMillis() + " ms");
                }
                HostStatus host = HostStatus.parse(hs);
                PrinterStatus status = new PrinterStatus(device, Instant.now(), PrinterStatus.Link.RESPONDING, host,
                        null, "");
                if (alwaysExtended || !status.faults().isEmpty()) {
                    return new PrinterStatus(device, status.at(), status.link(), host, extended(), "");
                }
                return status;
            } catch (DeviceException e) {
                return new PrinterStatus(device, Instant.now(), PrinterStatus.Link.DISCONNECTED, null, null,
                        e.getMessage());
            } catch (IllegalArgumentException e) {
                transport.close();
                return new PrinterStatus(device, Instant.now(), PrinterStatus.Link.SILENT, null, null,
                        "garbled reply: " + e.getMessage());
            }
        });
    }

    private ExtendedStatus extended() {
        String reply = exchange("~HQES", 1);
        if (reply == null) {
            return null;
        }
        try {
            return ExtendedStatus.parse(reply);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Writes {@code command} and reads until {@code frames} ETX bytes; null when the printer stays silent. */
    private String exchange(String command, int frames) {
        transport.discardInput();
        transport.write(command.getBytes(StandardCharsets.US_ASCII));
        StringBuilder reply = new StringBuilder();
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (seen < frames) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            int n = transport.read(buffer, Duration.ofNanos(left));
            for (int i = 0; i < n; i++) {
                char c = (char) (buffer[i] & 0xff);
                reply.append(c);
                if (c == HostStatus.ETX) {
                    seen++;
                }
            }
        }
        return reply.toString();
    }
}

package io.tracemark.printer;

import io.tracemark.core.DeviceException;
import io.tracemark.device.Backoff;
import io.tracemark.device.Transport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Serialises every exchange on a printer's transport (a label write must not split a status reply)
 * and runs the {@code ~HS} / {@code ~HQES} / {@code ^HW} / SGD queries. Bytes outside STX...ETX
 * frames are unsolicited lines (the {@code ^HV} replies of printed labels): the complete lines of one
 * read or query go to the line listener together, with the link generation they arrived on, never into a
 * query's answer.
 */
final class StatusLink {

    private final Transport transport;
    private final Duration timeout;
    private final ReentrantLock io = new ReentrantLock();
    private final byte[] buffer = new byte[4096];
    private final StringBuilder line = new StringBuilder();
    /** Complete lines not yet handed to the listener (guarded by the link lock). */
    private final List<String> arrived = new ArrayList<>();
    private volatile BiConsumer<List<String>, Integer> lines = (texts, generation) -> { };
    private volatile int generation;
    private boolean inFrame;

    StatusLink(Transport transport, Duration timeout) {
        this.transport = transport;
        this.timeout = timeout;
    }

    /** Where unsolicited lines go (texts without CR LF, in arrival order; link generation). */
    void onLines(BiConsumer<List<String>, Integer> listener) {
        this.lines = listener;
    }

    /** Reads what has arrived without waiting and hands out complete lines. Holds the link. */
    void drain() {
        exclusive(() -> {
            if (transport.isOpen()) {
                int n;
                do { // a read that did not fill the buffer took all there was: no second look
                    n = transport.readNow(buffer);
                    split(n, null, 0);
                } while (n == buffer.length);
                deliver();
            }
            return null;
        });
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
                line.setLength(0);
                inFrame = false;
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

    /**
     * The printer's directory of {@code drive} ({@code ^HW}, e.g. {@code E:} and {@code *.TTF}), or null
     * when the printer stays silent. Opens the link first if it is closed.
     */
    java.util.Map<String, Long> directory(String drive, String pattern, Duration wait) {
        return exclusive(() -> {
            ensureOpen();
            String reply = exchange("^XA^HW" + drive + pattern + "^XZ", 1, wait);
            return reply == null ? null : DirectoryListing.parse(reply);
        });
    }

    /**
     * An SGD value ({@code ! U1 getvar "NAME"}; Zebra SGD reference: the printer answers with the value
     * in double quotes), or null when the printer stays silent.
     */
    String getvar(String name) {
        return exclusive(() -> {
            ensureOpen();
            drain();
            transport.write(("! U1 getvar \"" + name + "\"\r\n").getBytes(StandardCharsets.US_ASCII));
            StringBuilder value = new StringBuilder();
            int quotes = 0;
            long deadline = System.nanoTime() + timeout.toNanos();
            while (quotes < 2) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                int n = transport.read(buffer, Duration.ofNanos(left));
                for (int i = 0; i < n && quotes < 2; i++) {
                    char c = (char) (buffer[i] & 0xff);
                    if (c == '"') {
                        quotes++;
                    } else if (quotes == 1) {
                        value.append(c);
                    }
                }
            }
            return value.toString();
        });
    }

    /** Writes {@code command} and reads until {@code frames} ETX bytes; null when the printer stays silent. */
    private String exchange(String command, int frames) {
        return exchange(command, frames, timeout);
    }

    private String exchange(String command, int frames, Duration wait) {
        drain();
        // a frame begun before this query is a late reply to an older one: never part of this answer
        inFrame = false;
        transport.write(command.getBytes(StandardCharsets.US_ASCII));
        StringBuilder reply = new StringBuilder();
        long deadline = System.nanoTime() + wait.toNanos();
        int seen = 0;
        try {
            while (seen < frames) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return null;
                }
                int n = transport.read(buffer, Duration.ofNanos(left));
                seen += split(n, reply, frames - seen);
            }
            return reply.toString();
        } finally {
            deliver();
        }
    }

    /** Hands the lines that arrived to the listener, all at once. */
    private void deliver() {
        if (!arrived.isEmpty()) {
            List<String> texts = List.copyOf(arrived);
            arrived.clear();
            lines.accept(texts, generation);
        }
    }

    /**
     * Sorts {@code n} buffered bytes: frame bytes (STX to ETX) into {@code reply} (dropped when null),
     * other bytes into lines. Stops taking frames after {@code wanted} ETXs; returns the ETXs seen.
     */
    private int split(int n, StringBuilder reply, int wanted) {
        int frames = 0;
        for (int i = 0; i < n; i++) {
            char c = (char) (buffer[i] & 0xff);
            if (inFrame || c == HostStatus.STX) {
                inFrame = c != HostStatus.ETX;
                if (reply != null && frames < wanted) {
                    reply.append(c);
                }
                if (c == HostStatus.ETX) {
                    frames++;
                }
            } else if (c == '\n') {
                String text = line.toString().replace("\r", "");
                line.setLength(0);
                if (!text.isBlank()) {
                    arrived.add(text);
                }
            } else if (line.length() < 1024) {
                line.append(c);
            }
        }
        return frames;
    }
}

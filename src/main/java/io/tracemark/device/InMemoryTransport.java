package io.tracemark.device;

import io.tracemark.core.DeviceException;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One end of an in-memory byte link, for tests and for simulated devices run in-process. Build the
 * two ends with {@link #pair(String)}; closing either end closes the link for both, and a full pipe
 * (64 KiB unread) makes a write wait, then fail after the write timeout, as a stalled device would.
 */
public final class InMemoryTransport implements Transport {

    private static final int CAPACITY = 64 * 1024;

    private final DeviceUri uri;
    private final Pipe inbound;
    private final Pipe outbound;
    private final Duration writeTimeout;

    private InMemoryTransport(DeviceUri uri, Pipe inbound, Pipe outbound, Duration writeTimeout) {
        this.uri = uri;
        this.inbound = inbound;
        this.outbound = outbound;
        this.writeTimeout = writeTimeout;
    }

    /** Both ends of one link: what {@code host} writes, {@code device} reads, and back. */
    public record Pair(InMemoryTransport host, InMemoryTransport device) {
    }

    /** A connected pair named {@code mem://name} (host end) and {@code mem://name-device}. */
    public static Pair pair(String name) {
        Pipe toDevice = new Pipe();
        Pipe toHost = new Pipe();
        Duration timeout = TransportOptions.DEFAULT.write();
        return new Pair(new InMemoryTransport(DeviceUri.parse("mem://" + name), toHost, toDevice, timeout),
                new InMemoryTransport(DeviceUri.parse("mem://" + name + "-device"), toDevice, toHost, timeout));
    }

    @Override
    public DeviceUri uri() {
        return uri;
    }

    /** An in-memory link is open from birth; once closed it cannot be opened again. */
    @Override
    public void open() {
        if (!isOpen()) {
            throw new DeviceException(uri.raw(), "in-memory link is closed");
        }
    }

    @Override
    public boolean isOpen() {
        return !inbound.isClosed() && !outbound.isClosed();
    }

    @Override
    public void write(byte[] bytes) {
        outbound.write(uri, bytes, writeTimeout);
    }

    @Override
    public int read(byte[] buffer, Duration timeout) {
        return inbound.read(uri, buffer, timeout);
    }

    @Override
    public void discardInput() {
        inbound.clear();
    }

    @Override
    public void close() {
        inbound.close();
        outbound.close();
    }

    /** A bounded byte queue with blocking, time-limited read and write. */
    private static final class Pipe {
        private final byte[] ring = new byte[CAPACITY];
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition changed = lock.newCondition();
        private int head;
        private int size;
        private boolean closed;

        void write(DeviceUri uri, byte[] bytes, Duration timeout) {
            long left = timeout.toNanos();
            lock.lock();
            try {
                int done = 0;
                while (done < bytes.length) {
                    if (closed) {
                        throw new DeviceException(uri.raw(), "in-memory link closed");
                    }
                    if (size == CAPACITY) {
                        if (left <= 0) {
                            throw new DeviceException(uri.raw(), "write timed out after " + timeout.toMillis()
                                    + " ms: peer stopped reading");
                        }
                        left = changed.awaitNanos(left);
                        continue;
                    }
                    ring[(head + size) % CAPACITY] = bytes[done++];
                    size++;
                }
                changed.signalAll();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeviceException(uri.raw(), "interrupted while writing", e);
            } finally {
                lock.unlock();
            }
        }

        int read(DeviceUri uri, byte[] buffer, Duration timeout) {
            long left = timeout.toNanos();
            lock.lock();
            try {
                while (size == 0) {
                    if (closed) {
                        throw new DeviceException(uri.raw(), "in-memory link closed");
                    }
                    if (left <= 0) {
                        return 0;
                    }
                    left = changed.awaitNanos(left);
                }
                int n = Math.min(buffer.length, size);
                for (int i = 0; i < n; i++) {
                    buffer[i] = ring[(head + i) % CAPACITY];
                }
                head = (head + n) % CAPACITY;
                size -= n;
                changed.signalAll();
                return n;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeviceException(uri.raw(), "interrupted while reading", e);
            } finally {
                lock.unlock();
            }
        }

        void clear() {
            lock.lock();
            try {
                size = 0;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        void close() {
            lock.lock();
            try {
                closed = true;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }

        boolean isClosed() {
            lock.lock();
            try {
                return closed;
            } finally {
                lock.unlock();
            }
        }
    }

    @Override
    public String toString() {
        return "InMemoryTransport[" + uri.raw() + "]";
    }

}

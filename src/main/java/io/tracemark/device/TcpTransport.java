package io.tracemark.device;

import io.tracemark.core.DeviceException;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * A raw TCP link ({@code tcp://host:port}, port 9100 when absent). A write that does not finish in the
 * write timeout closes the socket, so a printer that stops reading fails the write instead of
 * hanging it; the deadline is kept by one shared {@link WriteWatchdog} (no task or thread wake-up per write).
 */
public final class TcpTransport implements Transport {

    /** The raw printing port of Zebra and compatible printers. */
    public static final int DEFAULT_PORT = 9100;

    private final DeviceUri uri;
    private final TransportOptions options;
    private volatile Socket socket;
    private volatile WriteWatchdog.Watch watch;
    private volatile InputStream in;
    private volatile OutputStream out;

    public TcpTransport(DeviceUri uri) {
        this(uri, TransportOptions.from(uri, Set.of()));
    }

    public TcpTransport(DeviceUri uri, TransportOptions options) {
        if (uri.host().isEmpty() || !uri.path().isEmpty() && !uri.path().equals("/")) {
            throw new InvalidInputException("device URI '" + uri.raw() + "'",
                    List.of(new Problem("host", "expected tcp://host:port")));
        }
        this.uri = uri;
        this.options = options;
    }

    @Override
    public DeviceUri uri() {
        return uri;
    }

    @Override
    public synchronized void open() {
        if (isOpen()) {
            return;
        }
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.connect(new InetSocketAddress(uri.host(), uri.portOr(DEFAULT_PORT)), (int) options.connect().toMillis());
            in = s.getInputStream();
            out = s.getOutputStream();
            watch = WriteWatchdog.TCP.watch(options.write(), () -> closeQuietly(s));
            socket = s;
        } catch (IOException e) {
            closeQuietly(s);
            throw new DeviceException(uri.raw(), "cannot connect within " + options.connect().toMillis() + " ms: " + e, e);
        }
    }

    @Override
    public boolean isOpen() {
        Socket s = socket;
        return s != null && !s.isClosed();
    }

    @Override
    public void write(byte[] bytes) {
        requireOpen();
        WriteWatchdog.Watch w = watch;
        w.begin();
        try {
            out.write(bytes);
            out.flush();
        } catch (IOException e) {
            boolean expired = w.end();
            close();
            String why = expired ? "write of " + bytes.length + " bytes timed out after "
                    + options.write().toMillis() + " ms" : "write failed: " + e;
            throw new DeviceException(uri.raw(), why, e);
        }
        w.end();
    }

    @Override
    public int read(byte[] buffer, Duration timeout) {
        Socket s = requireOpen();
        try {
            s.setSoTimeout((int) Math.max(1, timeout.toMillis()));
            int n = in.read(buffer);
            if (n < 0) {
                close();
                throw new DeviceException(uri.raw(), "connection closed by the device");
            }
            return n;
        } catch (SocketTimeoutException e) {
            return 0;
        } catch (IOException e) {
            close();
            throw new DeviceException(uri.raw(), "read failed: " + e, e);
        }
    }

    /** Reads only what the socket already holds ({@code available()}): no wait, no timeout. */
    @Override
    public int readNow(byte[] buffer) {
        requireOpen();
        try {
            int ready = in.available();
            if (ready <= 0) {
                return 0;
            }
            int n = in.read(buffer, 0, Math.min(buffer.length, ready));
            if (n < 0) {
                close();
                throw new DeviceException(uri.raw(), "connection closed by the device");
            }
            return n;
        } catch (IOException e) {
            close();
            throw new DeviceException(uri.raw(), "read failed: " + e, e);
        }
    }

    @Override
    public void discardInput() {
        Socket s = socket;
        if (s == null) {
            return;
        }
        try {
            byte[] sink = new byte[4096];
            while (in.available() > 0 && in.read(sink, 0, Math.min(sink.length, in.available())) > 0) {
                // drop stale bytes
            }
        } catch (IOException e) {
            close();
            throw new DeviceException(uri.raw(), "read failed: " + e, e);
        }
    }

    @Override
    public synchronized void close() {
        Socket s = socket;
        socket = null;
        if (s != null) {
            closeQuietly(s);
        }
        WriteWatchdog.Watch w = watch;
        if (w != null) {
            w.close();
        }
    }

    private Socket requireOpen() {
        Socket s = socket;
        if (s == null || s.isClosed()) {
            throw new DeviceException(uri.raw(), "not connected");
        }
        return s;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing a broken socket: nothing more to do
        }
    }

    @Override
    public String toString() {
        return "TcpTransport[" + uri.raw() + "]";
    }
}

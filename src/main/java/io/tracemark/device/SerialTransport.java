package io.tracemark.device;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;
import io.tracemark.core.DeviceException;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A serial line through jSerialComm: {@code serial:///dev/ttyUSB0?baud=115200&dataBits=8&parity=none
 * &stopBits=1&flow=rtscts}. Defaults: 9600 baud, 8 data bits, no parity, 1 stop bit, no flow control
 * (the Zebra factory setting). Flow: {@code none}, {@code rtscts}, {@code xonxoff}, {@code dsrdtr}.
 */
public final class SerialTransport implements Transport {

    private static final int READ_SLICE_MS = 10;
    private static final Set<String> KEYS = Set.of("baud", "dataBits", "parity", "stopBits", "flow");

    private final DeviceUri uri;
    private final TransportOptions options;
    private final SerialSettings settings;
    private volatile SerialPort port;

    /**
     * The line settings.
     *
     * @param baud     bits per second
     * @param dataBits 7 or 8
     * @param parity   jSerialComm parity constant
     * @param stopBits jSerialComm stop-bit constant
     * @param flow     jSerialComm flow-control bit set
     */
    public record SerialSettings(int baud, int dataBits, int parity, int stopBits, int flow) {
    }

    public SerialTransport(DeviceUri uri) {
        this.uri = uri;
        List<Problem> problems = new ArrayList<>();
        TransportOptions opts = TransportOptions.DEFAULT;
        SerialSettings line = null;
        try {
            opts = TransportOptions.from(uri, KEYS);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        try {
            line = parseSettings(uri);
        } catch (InvalidInputException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("device URI '" + uri.raw() + "'", problems);
        }
        this.options = opts;
        this.settings = line;
    }

    /** The line settings parsed from the URI. */
    public SerialSettings settings() {
        return settings;
    }

    static SerialSettings parseSettings(DeviceUri uri) {
        List<Problem> problems = new ArrayList<>();
        if (uri.path().isEmpty() || !uri.host().isEmpty()) {
            problems.add(new Problem("path", "expected serial:///dev/ttyX (three slashes, then the device path)"));
        }
        int baud = intOption(uri, "baud", 9600, problems);
        if (baud <= 0) {
            problems.add(new Problem("query.baud", baud + " is not a baud rate"));
        }
        int dataBits = intOption(uri, "dataBits", 8, problems);
        if (dataBits < 5 || dataBits > 8) {
            problems.add(new Problem("query.dataBits", dataBits + " is not 5..8"));
        }
        int parity = switch (uri.param("parity").orElse("none").toLowerCase()) {
            case "none", "n" -> SerialPort.NO_PARITY;
            case "odd", "o" -> SerialPort.ODD_PARITY;
            case "even", "e" -> SerialPort.EVEN_PARITY;
            case "mark", "m" -> SerialPort.MARK_PARITY;
            case "space", "s" -> SerialPort.SPACE_PARITY;
            default -> bad(problems, "query.parity", "expected none, odd, even, mark or space");
        };
        int stopBits = switch (uri.param("stopBits").orElse("1")) {
            case "1" -> SerialPort.ONE_STOP_BIT;
            case "1.5" -> SerialPort.ONE_POINT_FIVE_STOP_BITS;
            case "2" -> SerialPort.TWO_STOP_BITS;
            default -> bad(problems, "query.stopBits", "expected 1, 1.5 or 2");
        };
        int flow = switch (uri.param("flow").orElse("none").toLowerCase()) {
            case "none" -> SerialPort.FLOW_CONTROL_DISABLED;
            case "rtscts" -> SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED;
            case "dsrdtr" -> SerialPort.FLOW_CONTROL_DSR_ENABLED | SerialPort.FLOW_CONTROL_DTR_ENABLED;
            case "xonxoff" -> SerialPort.FLOW_CONTROL_XONXOFF_IN_ENABLED | SerialPort.FLOW_CONTROL_XONXOFF_OUT_ENABLED;
            default -> bad(problems, "query.flow", "expected none, rtscts, dsrdtr or xonxoff");
        };
        if (!problems.isEmpty()) {
            throw new InvalidInputException("device URI '" + uri.raw() + "'", problems);
        }
        return new SerialSettings(baud, dataBits, parity, stopBits, flow);
    }

    private static int intOption(DeviceUri uri, String key, int fallback, List<Problem> problems) {
        String value = uri.param(key).orElse(null);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            problems.add(new Problem("query." + key, "'" + value + "' is not a whole number"));
            return fallback;
        }
    }

    private static int bad(List<Problem> problems, String where, String message) {
        problems.add(new Problem(where, message));
        return -1;
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
        SerialPort p;
        try {
            p = SerialPort.getCommPort(uri.path());
        } catch (SerialPortInvalidPortException e) {
            throw new DeviceException(uri.raw(), "no serial port " + uri.path() + ": " + e.getMessage(), e);
        }
        p.setComPortParameters(settings.baud(), settings.dataBits(), settings.stopBits(), settings.parity());
        p.setFlowControl(settings.flow());
        p.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING,
                READ_SLICE_MS, (int) options.write().toMillis());
        if (!p.openPort((int) Math.min(options.connect().toMillis(), 1000))) {
            throw new DeviceException(uri.raw(), "cannot open serial port " + uri.path()
                    + " (error " + p.getLastErrorCode() + " at " + p.getLastErrorLocation() + ")");
        }
        port = p;
    }

    @Override
    public boolean isOpen() {
        SerialPort p = port;
        return p != null && p.isOpen();
    }

    @Override
    public void write(byte[] bytes) {
        SerialPort p = requireOpen();
        int done = 0;
        while (done < bytes.length) {
            int n = p.writeBytes(bytes, bytes.length - done, done);
            if (n <= 0) {
                close();
                throw new DeviceException(uri.raw(), "write failed or timed out after " + options.write().toMillis()
                        + " ms with " + done + " of " + bytes.length + " bytes written");
            }
            done += n;
        }
    }

    @Override
    public int read(byte[] buffer, Duration timeout) {
        SerialPort p = requireOpen();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            // the port waits at most READ_SLICE_MS per call (set once at open: reconfiguring per call is slow)
            int n = p.readBytes(buffer, buffer.length);
            if (n < 0) {
                close();
                throw new DeviceException(uri.raw(), "read failed (error " + p.getLastErrorCode() + ")");
            }
            if (n > 0 || System.nanoTime() >= deadline) {
                return n;
            }
        }
    }

    @Override
    public void discardInput() {
        SerialPort p = port;
        if (p == null) {
            return;
        }
        byte[] sink = new byte[4096];
        int available;
        while ((available = p.bytesAvailable()) > 0) {
            p.readBytes(sink, Math.min(sink.length, available));
        }
    }

    @Override
    public synchronized void close() {
        SerialPort p = port;
        port = null;
        if (p != null) {
            p.closePort();
        }
    }

    private SerialPort requireOpen() {
        SerialPort p = port;
        if (p == null || !p.isOpen()) {
            throw new DeviceException(uri.raw(), "serial port not open");
        }
        return p;
    }

    @Override
    public String toString() {
        return "SerialTransport[" + uri.raw() + "]";
    }
}

package io.tracemark.app;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.device.DeviceRegistry;
import io.tracemark.device.DeviceUri;
import io.tracemark.device.TcpTransport;
import io.tracemark.label.LabelTarget;
import io.tracemark.line.ImageScanner;
import io.tracemark.line.LineDevices;
import io.tracemark.printer.JobSettings;
import io.tracemark.printer.Printer;
import io.tracemark.printer.PrinterProfile;
import io.tracemark.printer.PrinterProfiles;
import io.tracemark.printer.ZplPrinter;
import io.tracemark.printer.ZplPrinterOptions;
import io.tracemark.sim.VirtualRejectGate;
import io.tracemark.verify.CommandRejectGate;
import io.tracemark.verify.CountedGate;
import io.tracemark.verify.FireTally;
import io.tracemark.verify.FolderImageSource;
import io.tracemark.verify.FrameDecoder;
import io.tracemark.verify.Grader;
import io.tracemark.verify.HttpSnapshotSource;
import io.tracemark.verify.ImageSource;
import io.tracemark.verify.MjpegImageSource;
import io.tracemark.verify.ModbusRejectGate;
import io.tracemark.verify.RejectGate;
import io.tracemark.verify.RejectGates;
import io.tracemark.verify.ResultStringScanner;
import io.tracemark.verify.Scanner;
import io.tracemark.verify.ScannerProfile;
import io.tracemark.verify.ScannerProfiles;
import io.tracemark.web.DeviceInfo;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Makes the station's devices from their URIs; the scheme picks the kind of device:
 * <ul>
 *   <li>printers: {@code tcp://host:9100}, {@code serial:///dev/ttyUSB0?baud=…} (ZPL over the
 *       transport), {@code sim://name} (the in-process virtual line's printer, ZPL over loopback TCP);</li>
 *   <li>scanners: {@code tcp://} or {@code serial://} result-string readers (by profile);
 *       {@code folder:///path?settleMs=200} (an FTP drop), {@code http(s)://…} (an MJPEG stream, or
 *       with {@code mode=snapshot} a still image asked for once per printed label), {@code sim://name}
 *       (the in-process virtual camera): the station decodes and grades these images itself;</li>
 *   <li>reject gates: {@code tcp://} or {@code serial://} with a command (see below), {@code modbus-tcp://}
 *       (a PLC, {@link io.tracemark.verify.ModbusGateSettings}; with a reject counter its count is
 *       reconciled with the station's fires per job), {@code sim://name} (the in-process virtual gate, whose
 *       reject counter is reconciled the same way when its fault plan gives it one).</li>
 * </ul>
 * Gate URI parameters carry its quirks: {@code cmd} (default {@code R{unit}\r\n}), {@code confirm}
 * (a regular expression the whole answer line must match; absent means no sensor) and
 * {@code timeoutMs} (default 1000); {@code cmd} and {@code confirm} are percent-decoded, e.g.
 * {@code tcp://10.0.0.12:5000?cmd=R%7Bunit%7D%0D%0A&confirm=OK%20%7Bunit%7D}. They are taken off the
 * URI before the transport is built from it. Every configured gate fires for every reject
 * ({@link RejectGateGroup}).
 */
final class StationDevices {

    private static final Set<String> GATE_PARAMS = Set.of("cmd", "confirm", "timeoutMs");
    private static final Set<String> IMAGE_PARAMS = Set.of("mode", "timeoutMs");

    /**
     * What the builder hands the line and the panel.
     *
     * @param counted the gates whose PLC counts rejects in a register the station reads back
     */
    record Built(LineDevices devices, Map<String, LabelTarget> targets, List<DeviceInfo> info,
                 List<CountedGate> counted) {
    }

    private final DeviceRegistry registry = DeviceRegistry.withStandardTransports();
    private final VirtualDevices virtual;
    private final Clock clock;

    /** @param virtual the in-process virtual line for {@code sim://} devices, or null when there is none */
    StationDevices(VirtualDevices virtual, Clock clock) {
        this.virtual = virtual;
        this.clock = clock;
    }

    /** Whether a configuration names any {@code sim://} device (then it needs an in-process virtual line). */
    static boolean usesVirtualDevices(StationConfig config) {
        return config.printers().stream().anyMatch(StationDevices::simulated)
                || config.scanners().stream().anyMatch(StationDevices::simulated)
                || config.rejectGates().stream().anyMatch(StationDevices::simulated);
    }

    /** Whether a scanner is a camera whose images the station decodes (folder, HTTP, in-process virtual camera). */
    static boolean decodesImages(StationConfig.Device d) {
        return Set.of("folder", "http", "https", "sim").contains(d.uri().getScheme());
    }

    static boolean simulated(StationConfig.Device d) {
        return "sim".equals(d.uri().getScheme());
    }

    /**
     * Builds every device; nothing is opened yet (the line opens them).
     *
     * @throws InvalidInputException when there is no reject gate or a device cannot be made
     */
    Built build(StationConfig config) {
        if (config.rejectGates().isEmpty()) {
            throw new InvalidInputException("station configuration", List.of(new Problem("rejectGates",
                    "a line needs a reject gate")));
        }
        List<DeviceInfo> info = new ArrayList<>();
        Map<String, Printer> printers = new LinkedHashMap<>();
        Map<String, JobSettings> jobSettings = new LinkedHashMap<>();
        Map<String, LabelTarget> targets = new LinkedHashMap<>();
        for (StationConfig.Device d : config.printers()) {
            PrinterProfile profile = PrinterProfiles.load(d.profile());
            // a virtual printer gets labels for its resident CJK font (RasterRenderer.target): no font to download
            int lookAhead = lookAhead(config.line(), profile);
            printers.put(d.name(), new ZplPrinter(printerTransport(d), simulated(d)
                    ? ZplPrinterOptions.from(profile).withLookAhead(lookAhead)
                    : PrinterSetup.options(profile, lookAhead)));
            jobSettings.put(d.name(), JobSettings.from(profile));
            // a virtual printer has the CJK font resident (it renders with the label package's fonts)
            targets.put(d.name(), simulated(d) ? RasterRenderer.target(profile) : LabelTargets.of(profile));
            info.add(new DeviceInfo(d.name(), "printer", d.uri().toString()));
        }
        Map<String, Scanner> scanners = new LinkedHashMap<>();
        for (StationConfig.Device d : config.scanners()) {
            scanners.put(d.name(), scanner(d));
            info.add(new DeviceInfo(d.name(), "scanner", d.uri().toString()));
        }
        List<RejectGate> gates = new ArrayList<>();
        List<CountedGate> counted = new ArrayList<>();
        for (StationConfig.Device d : config.rejectGates()) {
            RejectGate g = gate(d);
            gates.add(g);
            if (g instanceof ModbusRejectGate m && m.counts()) {
                counted.add(m);
            } else if (g instanceof VirtualRejectGate v && v.counts()) {
                counted.add(named(d.name(), v));
            }
            info.add(new DeviceInfo(d.name(), "rejectGate", d.uri().toString()));
        }
        RejectGate gate = gates.size() == 1 ? gates.get(0) : new RejectGateGroup(gates);
        return new Built(new LineDevices(printers, jobSettings, scanners, gate), targets, info, List.copyOf(counted));
    }

    /** The virtual line's gate under the name the station's configuration gives it. */
    private static CountedGate named(String name, CountedGate gate) {
        return new CountedGate() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public void tally(FireTally tally) {
                gate.tally(tally);
            }

            @Override
            public <T> CompletableFuture<T> inOrder(Function<LongSupplier, T> work) {
                return gate.inOrder(work);
            }
        };
    }

    private io.tracemark.device.Transport printerTransport(StationConfig.Device d) {
        if (simulated(d)) {
            return new TcpTransport(DeviceUri.parse(virtual(d).printerUri()));
        }
        return registry.create(d.uri().toString());
    }

    private Scanner scanner(StationConfig.Device d) {
        String scheme = d.uri().getScheme();
        return switch (scheme) {
            case "sim" -> new ImageScanner(d.name(), virtual(d).camera(), new FrameDecoder(), Grader.iso());
            case "folder", "http", "https" -> new ImageScanner(d.name(), imageSource(d), new FrameDecoder(), Grader.iso());
            default -> {
                ScannerProfile profile = d.profile().endsWith(".yaml") ? ScannerProfiles.load(Path.of(d.profile()))
                        : ScannerProfiles.builtIn(d.profile());
                yield new ResultStringScanner(profile, registry.create(d.uri().toString()), clock);
            }
        };
    }

    private static ImageSource imageSource(StationConfig.Device d) {
        DeviceUri uri = DeviceUri.parse(d.uri().toString());
        Duration timeout = Duration.ofMillis(uri.intParam("timeoutMs", 3000));
        if (uri.scheme().equals("folder")) {
            return new FolderImageSource(Path.of(uri.path()), Duration.ofMillis(uri.intParam("settleMs", 200)));
        }
        URI url = URI.create(without(uri, IMAGE_PARAMS).raw());
        String mode = uri.param("mode").orElse("mjpeg");
        return switch (mode) {
            case "mjpeg" -> new MjpegImageSource(url, timeout);
            case "snapshot" -> new HttpSnapshotSource(url, timeout);
            default -> throw new InvalidInputException("scanner " + d.name(), List.of(new Problem("uri.mode",
                    "must be mjpeg or snapshot, was '" + mode + "'")));
        };
    }

    private RejectGate gate(StationConfig.Device d) {
        if (simulated(d)) {
            return virtual(d).gate();
        }
        if (RejectGates.isModbus(d.uri().toString())) {
            return RejectGates.modbus(d.name(), d.uri().toString());
        }
        DeviceUri uri = DeviceUri.parse(d.uri().toString());
        String command = uri.param("cmd").map(v -> percentDecoded(d, "cmd", v)).orElse("R{unit}\r\n");
        String confirm = uri.param("confirm").map(v -> percentDecoded(d, "confirm", v)).orElse(null);
        return new CommandRejectGate(registry.create(transportPart(uri)), command, confirm,
                Duration.ofMillis(uri.intParam("timeoutMs", 1000)));
    }

    private VirtualDevices virtual(StationConfig.Device d) {
        if (virtual == null) {
            throw new InvalidInputException("device " + d.name(), List.of(new Problem("uri",
                    "'" + d.uri() + "' names a simulated device, and this station has no virtual line")));
        }
        return virtual;
    }

    /** A gate parameter with its %XX escapes decoded (braces, spaces and CR LF cannot appear in a URI as such). */
    /** Labels kept in a printer: the line's lookAhead bounds every printer; one whose profile keeps fewer (an inkjet coder) keeps fewer. */
    static int lookAhead(StationConfig.Line line, PrinterProfile profile) {
        return Math.min(line.lookAhead(), profile.lookAhead());
    }

    static String percentDecoded(StationConfig.Device gate, String key, String value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '%') {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
                continue;
            }
            int high = i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
            int low = i + 2 < value.length() ? Character.digit(value.charAt(i + 2), 16) : -1;
            if (high < 0 || low < 0) {
                throw new InvalidInputException("reject gate " + gate.name(), List.of(new Problem("uri." + key,
                        "'%' must be followed by two hex digits, in '" + value + "'")));
            }
            out.write(high * 16 + low);
            i += 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The gate's URI without the gate's own parameters, which its transport does not know. */
    static DeviceUri transportPart(DeviceUri uri) {
        return without(uri, GATE_PARAMS);
    }

    private static DeviceUri without(DeviceUri uri, Set<String> params) {
        Map<String, String> rest = new LinkedHashMap<>(uri.query());
        rest.keySet().removeAll(params);
        String query = rest.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        int q = uri.raw().indexOf('?');
        String base = q < 0 ? uri.raw() : uri.raw().substring(0, q);
        return DeviceUri.parse(query.isEmpty() ? base : base + "?" + query);
    }
}

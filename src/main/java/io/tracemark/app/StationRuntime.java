package io.tracemark.app;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.device.DeviceRegistry;
import io.tracemark.device.DeviceUri;
import io.tracemark.label.LabelTarget;
import io.tracemark.label.TemplateLibrary;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.line.LineController;
import io.tracemark.line.LineDevices;
import io.tracemark.line.LineSettings;
import io.tracemark.master.MasterDataStore;
import io.tracemark.line.TemplateLabelDesigns;
import io.tracemark.printer.JobSettings;
import io.tracemark.printer.Printer;
import io.tracemark.printer.PrinterProfile;
import io.tracemark.printer.PrinterProfiles;
import io.tracemark.printer.ZplPrinter;
import io.tracemark.store.Database;
import io.tracemark.store.GroupCommit;
import io.tracemark.verify.CommandRejectGate;
import io.tracemark.verify.Grade;
import io.tracemark.verify.RejectGate;
import io.tracemark.verify.RejectGates;
import io.tracemark.verify.ResultStringScanner;
import io.tracemark.verify.Scanner;
import io.tracemark.verify.ScannerProfile;
import io.tracemark.verify.ScannerProfiles;
import io.tracemark.web.DeviceInfo;
import io.tracemark.web.PanelServer;
import io.tracemark.web.UserAccounts;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The composition root of a station on real devices ({@code run --config station.yaml}): the same
 * line as the simulated one, with printers as ZPL over the transport their URI names (TCP, serial),
 * scanners as result-string readers over TCP, and the reject gate as a command over a transport.
 * Gate URI parameters carry its quirks: {@code cmd} (default {@code R{unit}\r\n}), {@code confirm}
 * (a regular expression the whole answer line must match; absent means no sensor) and {@code timeoutMs}
 * (default 1000); {@code cmd} and {@code confirm} are percent-decoded, e.g.
 * {@code tcp://10.0.0.12:5000?cmd=R%7Bunit%7D%0D%0A&confirm=OK%20%7Bunit%7D}. They are taken off the
 * URI before the transport is built from it.
 */
public final class StationRuntime implements AutoCloseable {

    private static final Set<String> GATE_PARAMS = Set.of("cmd", "confirm", "timeoutMs");

    private final Database db;
    private final GroupCommit writes;
    private final LineController line;
    private final CodeLedger ledger;
    private final StationConfig config;
    private final List<DeviceInfo> devices = new ArrayList<>();

    private StationRuntime(StationConfig config, Database db, GroupCommit writes) {
        this.db = db;
        this.writes = writes;
        this.config = config;
        this.ledger = new CodeLedger(db, writes, Clock.systemUTC());
        config.printers().forEach(d -> devices.add(new DeviceInfo(d.name(), "printer", d.uri().toString())));
        config.scanners().forEach(d -> devices.add(new DeviceInfo(d.name(), "scanner", d.uri().toString())));
        config.rejectGates().forEach(d -> devices.add(new DeviceInfo(d.name(), "rejectGate", d.uri().toString())));
        MasterDataStore masterData = new MasterDataStore(db, ledger.audit());
        DeviceRegistry registry = DeviceRegistry.withStandardTransports();
        Map<String, Printer> printers = new LinkedHashMap<>();
        Map<String, JobSettings> jobSettings = new LinkedHashMap<>();
        Map<String, LabelTarget> targets = new LinkedHashMap<>();
        for (StationConfig.Device d : config.printers()) {
            PrinterProfile profile = PrinterProfiles.load(d.profile());
            printers.put(d.name(), new ZplPrinter(registry.create(d.uri().toString()),
                    PrinterSetup.options(profile, config.line().lookAhead())));
            jobSettings.put(d.name(), JobSettings.from(profile));
            targets.put(d.name(), LabelTargets.of(profile));
        }
        Map<String, Scanner> scanners = new LinkedHashMap<>();
        for (StationConfig.Device d : config.scanners()) {
            ScannerProfile profile = d.profile().endsWith(".yaml") ? ScannerProfiles.load(Path.of(d.profile()))
                    : ScannerProfiles.builtIn(d.profile());
            scanners.put(d.name(), new ResultStringScanner(profile,
                    registry.create(d.uri().toString()), Clock.systemUTC()));
        }
        if (config.rejectGates().isEmpty()) {
            throw new InvalidInputException("station configuration", List.of(new Problem("rejectGates",
                    "a line needs a reject gate")));
        }
        RejectGate gate = gate(registry, config.rejectGates().get(0));
        StationConfig.Line rules = config.line();
        LineSettings settings = new LineSettings(rules.lookAhead(), rules.lookAhead() + 6, rules.consecutiveRejectLimit(),
                rules.challengeAtStart(), Grade.parse(rules.minimumGrade()), Duration.ofMillis(rules.verdictTimeoutMs()),
                rules.confirmRejects(), 16).withStationId(config.stationName());
        TemplateLabelDesigns designs = new TemplateLabelDesigns(new TemplateLibrary(config.templatesDir()), targets,
                config.platform().url() == null ? config.stationName() : config.platform().url().getHost(),
                SimulatedLine.DIGITAL_LINK_BASE);
        this.line = new LineController(db, ledger, masterData, designs,
                new LineDevices(printers, jobSettings, scanners, gate), settings, Clock.systemDefaultZone());
        try {
            line.open();
            line.recover();
        } catch (RuntimeException e) {
            line.close();
            throw e;
        }
    }

    /** Builds the station from its configuration, opens the devices and recovers unfinished jobs. */
    public static StationRuntime start(StationConfig config) {
        Database db = Database.open(config.dataDir());
        GroupCommit writes = null;
        try {
            writes = new GroupCommit(db);
            return new StationRuntime(config, db, writes);
        } catch (RuntimeException e) {
            if (writes != null) {
                writes.close();
            }
            db.close();
            throw e;
        }
    }

    private static RejectGate gate(DeviceRegistry registry, StationConfig.Device d) {
        if (RejectGates.isModbus(d.uri().toString())) {
            return RejectGates.modbus(d.name(), d.uri().toString());
        }
        DeviceUri uri = DeviceUri.parse(d.uri().toString());
        String command = uri.param("cmd").map(v -> percentDecoded(d, "cmd", v)).orElse("R{unit}\r\n");
        String confirm = uri.param("confirm").map(v -> percentDecoded(d, "confirm", v)).orElse(null);
        return new CommandRejectGate(registry.create(transportPart(uri)), command, confirm,
                Duration.ofMillis(uri.intParam("timeoutMs", 1000)));
    }

    /** A gate parameter with its %XX escapes decoded (braces, spaces and CR LF cannot appear in a URI as such). */
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
        Map<String, String> rest = new LinkedHashMap<>(uri.query());
        rest.keySet().removeAll(GATE_PARAMS);
        String query = rest.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        int q = uri.raw().indexOf('?');
        String base = q < 0 ? uri.raw() : uri.raw().substring(0, q);
        return DeviceUri.parse(query.isEmpty() ? base : base + "?" + query);
    }

    /**
     * Starts the touch panel and REST API on the configured host and port; a station without users
     * gets its first admin from {@code adminPin} (see {@link StationPanel#bootstrapAdmin}).
     */
    public PanelServer startPanel(String adminPin) {
        UserAccounts accounts = StationPanel.accounts(db);
        StationPanel.bootstrapAdmin(accounts, adminPin);
        return StationPanel.start(db, ledger, line, accounts, devices, Map::of, config.panel().host(),
                config.panel().port());
    }

    /** The line, to hand to the touch panel. */
    public LineController line() {
        return line;
    }

    @Override
    public void close() {
        line.close();
        writes.close();
        db.close();
    }
}

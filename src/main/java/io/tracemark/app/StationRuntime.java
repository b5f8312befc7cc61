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
import io.tracemark.line.MasterDataStore;
import io.tracemark.line.TemplateLabelDesigns;
import io.tracemark.printer.JobSettings;
import io.tracemark.printer.Printer;
import io.tracemark.printer.PrinterProfile;
import io.tracemark.printer.PrinterProfiles;
import io.tracemark.printer.ZplPrinter;
import io.tracemark.printer.ZplPrinterOptions;
import io.tracemark.store.Database;
import io.tracemark.store.GroupCommit;
import io.tracemark.verify.CommandRejectGate;
import io.tracemark.verify.Grade;
import io.tracemark.verify.RejectGate;
import io.tracemark.verify.ResultStringScanner;
import io.tracemark.verify.Scanner;
import io.tracemark.verify.ScannerProfile;
import io.tracemark.verify.ScannerProfiles;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The composition root of a station on real devices ({@code run --config station.yaml}): the same
 * line as the simulated one, with printers as ZPL over the transport their URI names (TCP, serial),
 * scanners as result-string readers over TCP, and the reject gate as a command over a transport.
 * Gate URI parameters carry its quirks: {@code cmd} (default {@code R{unit}\r\n}), {@code confirm}
 * (a regular expression; absent means no sensor) and {@code timeoutMs} (default 1000).
 */
public final class StationRuntime implements AutoCloseable {

    private final Database db;
    private final GroupCommit writes;
    private final LineController line;

    private StationRuntime(StationConfig config) {
        this.db = Database.open(config.dataDir());
        this.writes = new GroupCommit(db);
        CodeLedger ledger = new CodeLedger(db, writes, Clock.systemUTC());
        MasterDataStore masterData = new MasterDataStore(db, ledger.audit());
        DeviceRegistry registry = DeviceRegistry.withStandardTransports();
        Map<String, Printer> printers = new LinkedHashMap<>();
        Map<String, JobSettings> jobSettings = new LinkedHashMap<>();
        Map<String, LabelTarget> targets = new LinkedHashMap<>();
        for (StationConfig.Device d : config.printers()) {
            PrinterProfile profile = PrinterProfiles.load(d.profile());
            printers.put(d.name(), new ZplPrinter(registry.create(d.uri().toString()),
                    ZplPrinterOptions.from(profile).withLookAhead(config.line().lookAhead())));
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
                rules.confirmRejects(), 16);
        TemplateLabelDesigns designs = new TemplateLabelDesigns(new TemplateLibrary(config.templatesDir()), targets,
                config.platform().url() == null ? config.stationName() : config.platform().url().getHost(),
                SimulatedLine.DIGITAL_LINK_BASE);
        this.line = new LineController(db, ledger, masterData, designs,
                new LineDevices(printers, jobSettings, scanners, gate), settings, Clock.systemDefaultZone());
        line.open();
        line.recover();
    }

    /** Builds the station from its configuration, opens the devices and recovers unfinished jobs. */
    public static StationRuntime start(StationConfig config) {
        return new StationRuntime(config);
    }

    private static RejectGate gate(DeviceRegistry registry, StationConfig.Device d) {
        DeviceUri uri = DeviceUri.parse(d.uri().toString());
        String command = uri.param("cmd").orElse("R{unit}\r\n");
        String confirm = uri.param("confirm").orElse(null);
        return new CommandRejectGate(registry.create(uri), command, confirm,
                Duration.ofMillis(uri.intParam("timeoutMs", 1000)));
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

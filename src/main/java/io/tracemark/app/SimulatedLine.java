package io.tracemark.app;

import io.tracemark.device.DeviceUri;
import io.tracemark.device.TcpTransport;
import io.tracemark.label.LabelTarget;
import io.tracemark.label.TemplateLibrary;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.line.ImageScanner;
import io.tracemark.line.JobFacts;
import io.tracemark.line.JobLabels;
import io.tracemark.line.LabelDesigns;
import io.tracemark.line.LineController;
import io.tracemark.line.LineDevices;
import io.tracemark.line.LineSettings;
import io.tracemark.master.MasterDataStore;
import io.tracemark.line.TemplateLabelDesigns;
import io.tracemark.printer.JobSettings;
import io.tracemark.printer.PrinterProfile;
import io.tracemark.printer.PrinterProfiles;
import io.tracemark.printer.ZplPrinter;
import io.tracemark.printer.ZplPrinterOptions;
import io.tracemark.sim.CameraSettings;
import io.tracemark.sim.DegradationMix;
import io.tracemark.sim.VirtualCamera;
import io.tracemark.sim.VirtualPrinter;
import io.tracemark.sim.VirtualRejectGate;
import io.tracemark.store.Database;
import io.tracemark.store.GroupCommit;
import io.tracemark.verify.FrameDecoder;
import io.tracemark.verify.Grader;
import io.tracemark.verify.ImageSource;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root of the simulated line (no global singletons): the station database in a data
 * directory, the ledger with group commit, a reference platform in the same process
 * ({@link DemoPlatform}) whose master data and activated codes the station takes and to which it
 * reports every unit, a {@link VirtualPrinter} on a
 * loopback TCP port driven by the real {@link ZplPrinter} over {@link TcpTransport}, a
 * {@link VirtualCamera} fed with every label the virtual printer prints, the station's own decoder and
 * grader ({@link ImageScanner}), the {@link VirtualRejectGate}, and the {@link LineController}.
 *
 * <pre>{@code
 * try (SimulatedLine sim = SimulatedLine.start(SimulatedLine.Options.demo(dataDir))) {
 *     LineController line = sim.line();   // hand it to io.tracemark.web.PanelServer
 *     line.recover();
 *     line.start(SampleStation.itemJob(500, LocalDate.now()), "operator");
 * }
 * }</pre>
 */
public final class SimulatedLine implements AutoCloseable {

    public static final String PRINTER = "printer-1";
    public static final String SCANNER = "camera-1";
    public static final String GATE = "gate-1";
    public static final String PLATFORM_NAME = "广东省重点工业产品质量安全追溯平台";
    public static final String DIGITAL_LINK_BASE = "https://id.tracemark.example";

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedLine.class);
    private static final Duration PULL_INTERVAL = Duration.ofSeconds(30);

    /**
     * How to build the simulated line.
     *
     * @param codes           code buffer kept for the sample product: codes pulled from the platform
     *                        before the job starts, topped up on the puller's schedule
     * @param seed            seed of the platform's opaque codes
     * @param labelsPerSecond virtual printer speed, 0 for instant
     */
    public record Options(Path dataDir, LineFaults faults, LineSettings settings, int codes, long seed,
                          double labelsPerSecond, String printerProfile) {

        /** The demo: a realistic camera (rare defects), default line rules, a buffer of 12,000 codes. */
        public static Options demo(Path dataDir) {
            return new Options(dataDir, LineFaults.parse("", DegradationMix.line(), 1), LineSettings.defaults(),
                    12_000, 1, 0, "zt411-203");
        }

        public Options withFaults(LineFaults f) {
            return new Options(dataDir, f, settings, codes, seed, labelsPerSecond, printerProfile);
        }

        public Options withSettings(LineSettings s) {
            return new Options(dataDir, faults, s, codes, seed, labelsPerSecond, printerProfile);
        }

        public Options withCodes(int n) {
            return new Options(dataDir, faults, settings, n, seed, labelsPerSecond, printerProfile);
        }
    }

    private final Database db;
    private final GroupCommit writes;
    private final CodeLedger ledger;
    private final MasterDataStore masterData;
    private final DemoPlatform platform;
    private final VirtualPrinter printer;
    private final VirtualRejectGate gate;
    private final ImageScanner scanner;
    private final LineController line;

    private SimulatedLine(Options o) {
        this.db = Database.open(o.dataDir());
        this.writes = new GroupCommit(db);
        this.ledger = new CodeLedger(db, writes, Clock.systemUTC());
        this.masterData = new MasterDataStore(db, ledger.audit());
        this.platform = DemoPlatform.start(o.dataDir(), db, ledger, masterData, new DemoPlatform.Settings(
                Map.of(SampleStation.PRODUCT, (long) o.codes()), PULL_INTERVAL, o.seed()));
        PrinterProfile profile = PrinterProfiles.load(o.printerProfile());
        LabelTarget target = RasterRenderer.target(profile);
        this.printer = new VirtualPrinter(new VirtualPrinter.Settings("virtual-printer", 0, profile, o.labelsPerSecond(),
                o.faults().printer(), RasterRenderer.of(profile), null));
        printer.start();
        // labels here are written for the printer's resident CJK font (RasterRenderer.target): no font to download
        ZplPrinter driver = new ZplPrinter(new TcpTransport(DeviceUri.parse(printer.uri())),
                ZplPrinterOptions.from(profile).withLookAhead(o.settings().lookAhead()));
        VirtualCamera camera = new VirtualCamera(CameraSettings.standard(), o.faults().camera(), o.faults().cameraSeed());
        TemplateLabelDesigns templates = new TemplateLabelDesigns(TemplateLibrary.standard(), Map.of(PRINTER, target),
                PLATFORM_NAME, DIGITAL_LINK_BASE);
        AtomicReference<Rectangle> codeBox = new AtomicReference<>(new Rectangle(0, 0, 200, 200));
        AtomicReference<BufferedImage> lastLabel = new AtomicReference<>();
        printer.addListener(label -> {
            BufferedImage image = label.image().get();
            lastLabel.set(image);
            camera.show(image, codeBox.get());
        });
        ImageSource source = o.faults().cameraFailAt() > 0 ? new FailingCamera(camera, o.faults().cameraFailAt()) : camera;
        this.scanner = new ImageScanner(SCANNER, source, new FrameDecoder(), Grader.iso());
        this.gate = new VirtualRejectGate(GATE, o.faults().gate(), 200);
        LineDevices devices = new LineDevices(Map.of(PRINTER, driver), Map.of(PRINTER, JobSettings.from(profile)),
                Map.of(SCANNER, scanner), gate);
        this.line = new LineController(db, ledger, masterData, new CodeBoxTracking(templates, codeBox), devices,
                o.settings(), Clock.systemDefaultZone());
        line.setLabelImages(() -> Optional.ofNullable(lastLabel.get()));
        line.open();
        LOG.info("simulated line up: data {}, platform {}, virtual printer {}, faults {}", db.file(), platform.url(),
                printer.uri(), o.faults());
    }

    /** Builds and starts the simulated line (creating or reusing the data directory). */
    public static SimulatedLine start(Options options) {
        return new SimulatedLine(options);
    }

    public LineController line() {
        return line;
    }

    public CodeLedger ledger() {
        return ledger;
    }

    public Database database() {
        return db;
    }

    public MasterDataStore masterData() {
        return masterData;
    }

    /** The in-process reference platform and the station's link to it. */
    public DemoPlatform platform() {
        return platform;
    }

    public VirtualPrinter virtualPrinter() {
        return printer;
    }

    /** The station's decoder on the virtual camera (its CPU time is the station's, the camera's is not). */
    public ImageScanner scanner() {
        return scanner;
    }

    public VirtualRejectGate gate() {
        return gate;
    }

    /** What an operator does at the machine after a fault: reload paper and ribbon, close the head, resume. */
    public void fixDevices() {
        printer.clearFault();
        printer.setHeadOpen(false);
        printer.setPaused(false);
    }

    @Override
    public void close() {
        try {
            line.close();
            printer.close();
        } finally {
            platform.close();
            writes.close();
            db.close();
        }
    }

    /** Tells the virtual camera where the code of the current job's template lies on the label. */
    private record CodeBoxTracking(TemplateLabelDesigns templates, AtomicReference<Rectangle> codeBox)
            implements LabelDesigns {

        @Override
        public List<String> names() {
            return templates.names();
        }

        @Override
        public List<io.tracemark.core.Problem> check(String template, String printer, JobFacts facts) {
            return templates.check(template, printer, facts);
        }

        @Override
        public JobLabels forJob(String template, String printer, JobFacts facts) {
            JobLabels labels = templates.forJob(template, printer, facts);
            templates.codeBoxDots(template, printer).ifPresent(codeBox::set);
            return labels;
        }
    }
}

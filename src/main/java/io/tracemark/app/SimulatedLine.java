package io.tracemark.app;

import io.tracemark.label.TemplateLibrary;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.line.ImageScanner;
import io.tracemark.line.LineController;
import io.tracemark.line.LineSettings;
import io.tracemark.master.MasterDataStore;
import io.tracemark.printer.PrinterProfile;
import io.tracemark.printer.PrinterProfiles;
import io.tracemark.sim.CameraSettings;
import io.tracemark.sim.DegradationMix;
import io.tracemark.sim.VirtualLine;
import io.tracemark.sim.VirtualPackingStation;
import io.tracemark.sim.VirtualPrinter;
import io.tracemark.sim.VirtualRejectGate;
import io.tracemark.store.Database;
import io.tracemark.verify.ImageSource;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code run} on a virtual line, with the reference platform in the same process: an in-process
 * {@link VirtualLine} (the virtual printer on a loopback TCP port driven by the real ZPL driver, the
 * virtual camera in front of it whose frames the station decodes, the virtual gate), a
 * {@link DemoPlatform}, and the station built by {@link Station} from a configuration whose devices
 * are {@code sim://} URIs and whose platform section points at the reference platform.
 *
 * <pre>{@code
 * try (SimulatedLine sim = SimulatedLine.start(SimulatedLine.Options.demo(dataDir))) {
 *     LineController line = sim.line();   // hand it to io.tracemark.web.PanelServer
 *     line.start(SampleStation.itemJob(500, LocalDate.now()), "operator");
 * }
 * }</pre>
 */
public final class SimulatedLine implements AutoCloseable {

    public static final String PRINTER = "printer-1";
    public static final String SCANNER = "camera-1";
    public static final String GATE = "gate-1";
    public static final String CASE_READER = "case-reader";
    public static final String CASE_PRINTER = "case-printer";
    public static final String CASE_LABEL_READER = "case-label-reader";
    /** Cases per pallet at the virtual packing station. */
    public static final int CASES_PER_PALLET = 5;
    /** The demo's SSCC range: a GS1 company prefix of the sample producer's kind, serials 1-999,999,999. */
    public static final io.tracemark.pack.SsccRange DEMO_SSCCS = new io.tracemark.pack.SsccRange("6901234", 0, 1, 999_999_999);
    public static final String PLATFORM_NAME = "广东省重点工业产品质量安全追溯平台";

    private static final Logger LOG = LoggerFactory.getLogger(SimulatedLine.class);

    /**
     * How to build the simulated line.
     *
     * @param codes           code buffer kept for the sample product: codes pulled from the platform
     *                        before the job starts, topped up on the puller's schedule
     * @param seed            seed of the platform's opaque codes
     * @param labelsPerSecond virtual printer speed, 0 for instant
     */
    public record Options(Path dataDir, LineFaults faults, LineSettings settings, int codes, long seed,
                          double labelsPerSecond, String printerProfile, int caseSize) {

        /** Options of a line without a packing station. */
        public Options(Path dataDir, LineFaults faults, LineSettings settings, int codes, long seed,
                       double labelsPerSecond, String printerProfile) {
            this(dataDir, faults, settings, codes, seed, labelsPerSecond, printerProfile, 0);
        }

        /** The line with its packing station packing cases of {@code units} (0: no packing station). */
        public Options withPacking(int units) {
            return new Options(dataDir, faults, settings, codes, seed, labelsPerSecond, printerProfile, units);
        }

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

    private final DemoPlatform platform;
    private final VirtualLine virtualLine;
    private final Station station;
    private final DirectReader directReader;
    private final SampledCamera sampled;
    private final VirtualPackingStation packingStation;
    private final DirectReader caseLabelReader;
    /** Every 25th camera frame is kept, at most 40 (about 50 MB of 1280×1024 frames), see {@link #cameraFrames()}. */
    private static final int SAMPLE_EVERY = 25;
    private static final int SAMPLE_KEEP = 40;

    private SimulatedLine(Options o, boolean directReads) {
        PrinterProfile profile = PrinterProfiles.load(o.printerProfile());
        LineFaults f = o.faults();
        this.directReader = directReads ? new DirectReader(profile) : null;
        this.virtualLine = new VirtualLine(new VirtualLine.Settings(new VirtualPrinter.Settings("virtual-printer", 0,
                profile, o.labelsPerSecond(), f.printer(), directReads ? directReader : RasterRenderer.of(profile), null),
                CameraSettings.standard(), f.camera(), f.cameraSeed(), f.gate(), 200, null), directReader);
        this.platform = DemoPlatform.start(o.dataDir(), o.seed());
        this.caseLabelReader = o.caseSize() > 0 ? new DirectReader(profile) : null;
        this.packingStation = o.caseSize() > 0 ? new VirtualPackingStation(virtualLine, Duration.ofMillis(300), profile,
                caseLabelReader, caseLabelReader) : null;
        try {
            virtualLine.start();
            if (packingStation != null) {
                packingStation.start();
            }
            ImageSource camera = virtualLine.camera();
            if (f.cameraFailAt() > 0) {
                camera = new FailingCamera(camera, f.cameraFailAt());
            }
            this.sampled = new SampledCamera(camera, SAMPLE_EVERY, SAMPLE_KEEP);
            camera = sampled;
            StationConfig.Device scanner = directReads
                    ? new StationConfig.Device(SCANNER, URI.create(directReader.uri()), "generic")
                    : new StationConfig.Device(SCANNER, URI.create("sim://" + SCANNER), null);
            this.station = Station.builder(config(o, platform, scanner))
                    .virtualDevices(new VirtualDevices(virtualLine.printer().uri(), camera, virtualLine.gate(),
                            virtualLine.printer()))
                    .lineSettings(o.settings())
                    .platformSettings(new PlatformLink.Settings(Map.of(SampleStation.PRODUCT, (long) o.codes()), 0, 1,
                            0.25, Duration.ofSeconds(30), Duration.ofMinutes(60), ZoneId.systemDefault()))
                    .labelImages(virtualLine::lastLabel)
                    .virtualPacking(packingStation == null ? null : new VirtualPacking(packingStation.casePacker().uri(),
                            packingStation.labelPrinter().uri(), caseLabelReader.uri()))
                    .start();
        } catch (RuntimeException e) {
            closePacking();
            virtualLine.close();
            platform.close();
            if (directReader != null) {
                directReader.close();
            }
            throw e;
        }
        platform.attach(station.platform().orElseThrow(), station.database());
        LOG.info("simulated line up: data {}, platform {}, virtual printer {}, faults {}", station.database().file(),
                platform.url(), virtualLine.printer().uri(), f);
    }

    /** The demo station: {@code sim://} devices, the sample templates, the reference platform. */
    private static StationConfig config(Options o, DemoPlatform platform, StationConfig.Device scanner) {
        StationConfig.Line line = new StationConfig.Line(o.settings().lookAhead(), o.settings().consecutiveRejectLimit(),
                o.settings().challengeAtStart(), o.settings().defaultMinimumGrade().letter(),
                (int) o.settings().verdictTimeout().toMillis(), o.settings().confirmRejects(),
                o.settings().maxAwaitingVerdict(), o.settings().allocationChunk());
        return new StationConfig("demo-station", o.dataDir(), TemplateLibrary.DEFAULT_DIRECTORY, new StationConfig.Panel(
                "127.0.0.1", 0, 10),
                List.of(new StationConfig.Device(PRINTER, URI.create("sim://" + PRINTER), o.printerProfile())),
                List.of(scanner),
                List.of(new StationConfig.Device(GATE, URI.create("sim://" + GATE), null)),
                line, platform.stationSection(PLATFORM_NAME), List.of(), StationConfig.Backups.NONE, packing(o));
    }

    private static StationConfig.Packing packing(Options o) {
        if (o.caseSize() <= 0) {
            return StationConfig.Packing.NONE;
        }
        return new StationConfig.Packing(o.caseSize(), CASES_PER_PALLET, false,
                new StationConfig.Device(CASE_READER, URI.create("sim://" + CASE_READER), "generic"),
                new StationConfig.Device(CASE_PRINTER, URI.create("sim://" + CASE_PRINTER), o.printerProfile()),
                new StationConfig.Device(CASE_LABEL_READER, URI.create("sim://" + CASE_LABEL_READER), "generic"),
                "case-sscc", DEMO_SSCCS);
    }

    private void closePacking() {
        if (packingStation != null) {
            packingStation.close();
            caseLabelReader.close();
        }
    }

    /** Builds and starts the simulated line (creating or reusing the data directory). */
    public static SimulatedLine start(Options options) {
        return new SimulatedLine(options, false);
    }

    /**
     * The simulated line without camera images: a virtual reader learns each label from what the
     * virtual printer printed and sends its data as a result string (generic profile, loopback TCP),
     * which the station reads with its result-string scanner. Nothing is drawn or decoded.
     */
    public static SimulatedLine startReadingDirect(Options options) {
        return new SimulatedLine(options, true);
    }

    /** The station built on the virtual line. */
    public Station station() {
        return station;
    }

    public LineController line() {
        return station.line();
    }

    public CodeLedger ledger() {
        return station.ledger();
    }

    public Database database() {
        return station.database();
    }

    public MasterDataStore masterData() {
        return station.masterData();
    }

    /**
     * Copies of some of the frames the virtual camera handed to the station so far (every 25th, at
     * most 40; none when the station reads result strings), e.g. to measure what decoding them as a
     * real camera transports them would cost.
     */
    public List<BufferedImage> cameraFrames() {
        return sampled.frames();
    }

    /** The in-process reference platform and the station's link to it. */
    public DemoPlatform platform() {
        return platform;
    }

    public VirtualPrinter virtualPrinter() {
        return virtualLine.printer();
    }

    public VirtualRejectGate gate() {
        return virtualLine.gate();
    }

    /** What an operator does at the machine after a fault: reload paper and ribbon, close the head, resume. */
    public void fixDevices() {
        virtualLine.fixDevices();
    }

    /**
     * CPU nanoseconds the station's decoder spent on the virtual camera's frames (the station's, the
     * camera's drawing is not); 0 when the station reads result strings (its scanner thread is counted
     * with the station's threads).
     */
    public long decodeCpuNanos() {
        return station.scanner(SCANNER).orElseThrow() instanceof ImageScanner s ? s.decodeCpuNanos() : 0;
    }

    @Override
    public void close() {
        try {
            station.close();
            closePacking();
            virtualLine.close();
        } finally {
            platform.close();
            if (directReader != null) {
                directReader.close();
            }
        }
    }
}

package io.tracemark.app;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.device.DeviceRegistry;
import io.tracemark.device.DeviceUri;
import io.tracemark.device.TcpTransport;
import io.tracemark.device.Transport;
import io.tracemark.label.LabelTarget;
import io.tracemark.label.TemplateLibrary;
import io.tracemark.master.MasterDataStore;
import io.tracemark.pack.Aggregation;
import io.tracemark.pack.CasePacking;
import io.tracemark.pack.PackRefusedException;
import io.tracemark.printer.JobSettings;
import io.tracemark.printer.PrinterProfile;
import io.tracemark.printer.PrinterProfiles;
import io.tracemark.printer.ZplPrinter;
import io.tracemark.printer.ZplPrinterOptions;
import io.tracemark.store.Database;
import io.tracemark.store.Transactions;
import io.tracemark.verify.Content;
import io.tracemark.verify.ReadResult;
import io.tracemark.verify.ResultStringScanner;
import io.tracemark.verify.Scanner;
import io.tracemark.verify.ScannerProfile;
import io.tracemark.verify.ScannerProfiles;
import io.tracemark.web.DeviceInfo;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The packing station of {@code station.yaml} ({@code packing:}), built from its device URIs like the line's
 * devices: the reader at the case packer (result strings over TCP or serial), the case-label printer (ZPL)
 * and the reader over its exit; {@code sim://} devices are the in-process virtual packing station's. Each
 * unit the case reader reads goes to {@link CasePacking} by its code (the read's canonical form: the
 * bracketed element string of GS1 data).
 */
public final class PackingStation implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PackingStation.class);
    static final String ACTOR = "packing-station";

    private final Aggregation packs;
    private final Scanner caseReader;
    private final ParentLabels labels;
    private final CasePacking packing;
    private final List<DeviceInfo> devices;
    private final AtomicLong noReads = new AtomicLong();

    private PackingStation(Aggregation packs, Scanner caseReader, ParentLabels labels, CasePacking packing,
                           List<DeviceInfo> devices) {
        this.packs = packs;
        this.caseReader = caseReader;
        this.labels = labels;
        this.packing = packing;
        this.devices = devices;
    }

    /** Builds the packing station (nothing opened yet); the configured SSCC range is added when new. */
    static PackingStation build(StationConfig config, Database db, Transactions writes, MasterDataStore masterData,
                                VirtualPacking virtual) {
        StationConfig.Packing p = config.packing();
        Aggregation packs = new Aggregation(db, writes, Clock.systemUTC());
        try {
            packs.addSsccRange(p.sscc(), "station.yaml", ACTOR);
        } catch (PackRefusedException e) {
            throw new InvalidInputException("station configuration", List.of(new Problem("packing.sscc", e.getMessage())));
        }
        DeviceRegistry registry = DeviceRegistry.withStandardTransports();
        PrinterProfile profile = PrinterProfiles.load(p.labelPrinter().profile());
        boolean simPrinter = simulated(p.labelPrinter());
        ZplPrinter printer = new ZplPrinter(transport(registry, p.labelPrinter(), virtual == null ? null : virtual.labelPrinterUri()),
                simPrinter ? ZplPrinterOptions.from(profile).withLookAhead(1) : PrinterSetup.options(profile, 1));
        LabelTarget target = simPrinter ? RasterRenderer.target(profile) : LabelTargets.of(profile);
        var writer = new TemplateLibrary(config.templatesDir()).load(p.template()).writer(target);
        Scanner labelReader = reader(registry, p.labelReader(), virtual == null ? null : virtual.labelReaderUri());
        ParentLabels labels = new ParentLabels(printer, JobSettings.from(profile), labelReader, writer, masterData, packs,
                Duration.ofSeconds(10));
        Scanner caseReader = reader(registry, p.caseReader(), virtual == null ? null : virtual.caseReaderUri());
        CasePacking packing = new CasePacking(packs, labels, new CasePacking.Settings(p.caseSize(), p.casesPerPallet(),
                p.mixJobs(), Duration.ofSeconds(30), 3, ACTOR));
        List<DeviceInfo> info = List.of(new DeviceInfo(p.caseReader().name(), "caseReader", p.caseReader().uri().toString()),
                new DeviceInfo(p.labelPrinter().name(), "caseLabelPrinter", p.labelPrinter().uri().toString()),
                new DeviceInfo(p.labelReader().name(), "caseLabelReader", p.labelReader().uri().toString()));
        return new PackingStation(packs, caseReader, labels, packing, info);
    }

    /** Connects the label printer and both readers; units read from now on are packed. */
    void start() {
        labels.open();
        caseReader.setListener(this::caseRead);
        caseReader.start();
        LOG.info("packing station: cases of {} from reader {}", packing.counts(), caseReader.name());
    }

    private void caseRead(ReadResult read) {
        if (read instanceof ReadResult.Read r) {
            packing.childRead(Content.canonical(r.data(), r.symbologyId()));
        } else {
            noReads.incrementAndGet();
        }
    }

    /** Aggregation in this station's database. */
    public Aggregation aggregation() {
        return packs;
    }

    /** The inline packing station. */
    public CasePacking packing() {
        return packing;
    }

    /** Reads at the case packer that were no reads or bad reads (the unit went on unpacked). */
    public long noReads() {
        return noReads.get();
    }

    List<DeviceInfo> devices() {
        return devices;
    }

    private static boolean simulated(StationConfig.Device d) {
        return "sim".equals(d.uri().getScheme());
    }

    private static Transport transport(DeviceRegistry registry, StationConfig.Device d, String virtualUri) {
        if (simulated(d)) {
            return new TcpTransport(DeviceUri.parse(requireVirtual(d, virtualUri)));
        }
        return registry.create(d.uri().toString());
    }

    private static Scanner reader(DeviceRegistry registry, StationConfig.Device d, String virtualUri) {
        ScannerProfile profile = d.profile().endsWith(".yaml") ? ScannerProfiles.load(Path.of(d.profile()))
                : ScannerProfiles.builtIn(d.profile());
        return new ResultStringScanner(profile, transport(registry, d, virtualUri), Clock.systemUTC());
    }

    private static String requireVirtual(StationConfig.Device d, String uri) {
        if (uri == null) {
            throw new InvalidInputException("device " + d.name(), List.of(new Problem("uri",
                    "'" + d.uri() + "' names a simulated device, and this station has no virtual packing station")));
        }
        return uri;
    }

    @Override
    public void close() {
        try {
            packing.close();
            caseReader.stop();
        } finally {
            labels.close();
        }
    }
}

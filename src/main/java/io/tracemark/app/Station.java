package io.tracemark.app;

import io.tracemark.codes.CodeSchemes;
import io.tracemark.codes.OpaqueScheme;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.GateCount;
import io.tracemark.ledger.GateCounts;
import io.tracemark.label.TemplateLibrary;
import io.tracemark.line.LineController;
import io.tracemark.line.LineDevices;
import io.tracemark.line.LineSettings;
import io.tracemark.line.TemplateLabelDesigns;
import io.tracemark.master.MasterDataStore;
import io.tracemark.platform.HttpPlatformClient;
import io.tracemark.platform.PlatformClient;
import io.tracemark.records.StartupTrust;
import io.tracemark.records.backup.BackupManifest;
import io.tracemark.records.archive.ArchiveSchedule;
import io.tracemark.records.backup.BackupSchedule;
import io.tracemark.store.Database;
import io.tracemark.store.GroupCommit;
import io.tracemark.verify.Grade;
import io.tracemark.verify.Scanner;
import io.tracemark.web.DeviceInfo;
import io.tracemark.web.PackingDesk;
import io.tracemark.web.PanelServer;
import io.tracemark.web.UserAccounts;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one composition of a station, for {@code run} and {@code demo} alike: from a
 * {@link StationConfig} it opens the station database (one handle for the process), the ledger with
 * group commit and the master data, makes every device from its URI ({@link StationDevices}),
 * builds the line controller with the configured rules, links the traceability platform when one
 * is configured ({@link PlatformLink}), opens the devices and recovers unfinished jobs. The touch
 * panel is started on demand. {@code sim://} devices come from an in-process virtual line handed
 * in with {@link Builder#virtualDevices}.
 */
public final class Station implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Station.class);
    /** The alarm cause of a scheduled backup that failed (missing, read-only or full folder). */
    public static final String BACKUP_FAILED = "backup.failed";
    /** Alarm cause: a scheduled archive run failed (the jobs stay live; tried again at the next run). */
    public static final String ARCHIVE_FAILED = "archive.failed";

    private final StationConfig config;
    private final Database db;
    private final GroupCommit writes;
    private final CodeLedger ledger;
    private final MasterDataStore masterData;
    private final LineController line;
    private final List<DeviceInfo> devices;
    private final LineDevices lineDevices;
    private final PlatformLink platform;
    private final List<String> recovered;
    private BatchEndWatch batchEnds;
    private final PlcRejectCheck plcRejects;
    private BackupSchedule backups;
    private ArchiveSchedule archives;
    private BatchEndWatch backupAtBatchEnd;
    private final PackingStation packing;
    /** The device page's hands-on actions at the virtual printer (sim:// printers only; none on real devices). */
    private final io.tracemark.web.VirtualControls virtualControls;
    private final ComponentScanStation components;

    private Station(StationConfig config, Database db, GroupCommit writes, Builder b) {
        this.config = config;
        this.db = db;
        this.writes = writes;
        this.ledger = new CodeLedger(db, writes, Clock.systemUTC());
        this.masterData = new MasterDataStore(db, ledger.audit());
        StationDevices.Built built = new StationDevices(b.virtual, Clock.systemUTC()).build(config);
        this.packing = config.packing().present()
                ? PackingStation.build(config, db, writes, masterData, b.virtualPacking) : null;
        this.components = config.components().present()
                ? ComponentScanStation.build(config, db, writes, masterData, schemes(config)) : null;
        this.devices = Stream.of(built.info().stream(), packing == null ? Stream.<DeviceInfo>empty() : packing.devices().stream(),
                components == null ? Stream.<DeviceInfo>empty() : Stream.of(components.device())).flatMap(x -> x).toList();
        this.lineDevices = built.devices();
        this.virtualControls = virtualControls(config, b.virtual);
        StationConfig.Platform p = config.platform();
        TemplateLabelDesigns designs = new TemplateLabelDesigns(new TemplateLibrary(config.templatesDir()),
                built.targets(), p.name() != null ? p.name() : config.stationName(),
                p.resolverBase() == null ? null : p.resolverBase().toString());
        this.line = new LineController(db, ledger, masterData, designs, built.devices(),
                (b.lineSettings != null ? b.lineSettings : settings(config.line())).withStationId(config.stationName()),
                Clock.systemDefaultZone());
        line.setLabelImages(b.labelImages);
        PlatformLink link = null;
        try {
            line.open();
            this.recovered = line.recover();
            if (components != null) {
                components.start();
            }
            if (packing != null) {
                packing.start();
            }
            this.plcRejects = new PlcRejectCheck(line, ledger, new GateCounts(db, ledger.audit(), Clock.systemUTC()),
                    built.counted());
            if (p.present()) {
                PlatformClient client = b.platformClient != null ? b.platformClient
                        : new HttpPlatformClient(p.url(), p.token(), Duration.ofSeconds(p.timeoutSeconds()));
                PlatformAckCheck.require(db, client, config.stationName());
                link = PlatformLink.start(client, db, ledger, masterData, schemes(config), config.stationName(),
                        b.platformSettings != null ? b.platformSettings : PlatformLink.Settings.of(p));
                this.batchEnds = new BatchEndWatch(line, link::batchEnded);
            } else {
                LOG.info("station {}: no platform configured; it runs on imported code packages", config.stationName());
            }
            startBackups(config.backups());
            startArchives(config.records());
        } catch (RuntimeException e) {
            if (archives != null) {
                archives.close();
            }
            if (backups != null) {
                backups.close();
            }
            if (packing != null) {
                packing.close();
            }
            if (components != null) {
                components.close();
            }
            line.close();
            throw e;
        }
        this.platform = link;
    }

    private static io.tracemark.web.VirtualControls virtualControls(StationConfig config, VirtualDevices virtual) {
        Map<String, io.tracemark.sim.VirtualPrinter> printers = new LinkedHashMap<>();
        if (virtual != null && virtual.printer() != null) {
            config.printers().stream().filter(StationDevices::simulated)
                    .forEach(d -> printers.put(d.name(), virtual.printer()));
        }
        return printers.isEmpty() ? io.tracemark.web.VirtualControls.NONE : new VirtualPrinterControls(printers);
    }

    /**
     * Scheduled backups: a failing folder (missing, read-only, full) is a warning alarm on the line, once
     * per reason; production goes on.
     */
    private void startBackups(StationConfig.Backups settings) {
        if (!settings.configured()) {
            return;
        }
        backups = new BackupSchedule(db, new BackupSchedule.Settings(settings.folders(),
                Duration.ofMinutes(settings.intervalMinutes()), settings.atBatchEnd(), settings.keep()),
                Clock.systemUTC(), new BackupSchedule.Listener() {
                    @Override
                    public void failed(Path folder, String reason) {
                        line.deviceAlarm(BACKUP_FAILED, reason);
                    }

                    @Override
                    public void succeeded(Path folder, BackupManifest backup) {
                        // the status shows it
                    }
                }).start();
        backupAtBatchEnd = new BatchEndWatch(line, backups::batchEnded);
    }

    /** Scheduled archive runs: a failed run is a warning alarm on the line, once per reason; production goes on. */
    private void startArchives(StationConfig.Records settings) {
        if (!settings.scheduled()) {
            return;
        }
        archives = new ArchiveSchedule(db, Duration.ofDays(settings.archiveAfterDays()),
                Duration.ofHours(settings.archiveIntervalHours()), Clock.systemUTC(),
                (folder, reason) -> line.deviceAlarm(ARCHIVE_FAILED, reason)).start();
    }

    /** The line rules of {@code station.yaml}. */
    static LineSettings settings(StationConfig.Line rules) {
        return new LineSettings(rules.lookAhead(), rules.maxAwaitingVerdict(), rules.consecutiveRejectLimit(),
                rules.challengeAtStart(), Grade.parse(rules.minimumGrade()), Duration.ofMillis(rules.verdictTimeoutMs()),
                rules.confirmRejects(), rules.allocationChunk());
    }

    private static CodeSchemes schemes(StationConfig config) {
        return CodeSchemes.withOpaque(config.opaqueSchemes().stream()
                .map(s -> OpaqueScheme.of(s.name(), s.pattern())).toList());
    }

    /** A builder for a configuration; {@link Builder#start()} builds and starts the station. */
    public static Builder builder(StationConfig config) {
        return new Builder(config);
    }

    /** What a station is built from besides its configuration. */
    public static final class Builder {
        private final StationConfig config;
        private VirtualDevices virtual;
        private VirtualPacking virtualPacking;
        private PlatformClient platformClient;
        private PlatformLink.Settings platformSettings;
        private LineSettings lineSettings;
        private Supplier<Optional<BufferedImage>> labelImages = Optional::empty;

        private Builder(StationConfig config) {
            this.config = config;
        }

        /** The in-process virtual line that {@code sim://} devices are. */
        Builder virtualDevices(VirtualDevices devices) {
            this.virtual = devices;
            return this;
        }

        /** The in-process virtual packing station that {@code sim://} packing devices are. */
        Builder virtualPacking(VirtualPacking packing) {
            this.virtualPacking = packing;
            return this;
        }

        /** Talks to the platform with this client instead of HTTP to {@code platform.url}. */
        public Builder platformClient(PlatformClient client) {
            this.platformClient = client;
            return this;
        }

        /** Platform link settings instead of those of {@code station.yaml}. */
        public Builder platformSettings(PlatformLink.Settings settings) {
            this.platformSettings = settings;
            return this;
        }

        /** Line rules instead of those of {@code station.yaml} (tests of particular rules). */
        public Builder lineSettings(LineSettings settings) {
            this.lineSettings = settings;
            return this;
        }

        /** Where the panel's "last label" view comes from. */
        public Builder labelImages(Supplier<Optional<BufferedImage>> source) {
            this.labelImages = source;
            return this;
        }

        /**
         * Opens the data directory, builds every device and the line, opens the devices, recovers
         * unfinished jobs and links the platform.
         */
        public Station start() {
            Database db = StartupTrust.open(config.dataDir());
            GroupCommit writes = null;
            try {
                writes = new GroupCommit(db);
                return new Station(config, db, writes, this);
            } catch (RuntimeException e) {
                if (writes != null) {
                    writes.close();
                }
                db.close();
                throw e;
            }
        }
    }

    /**
     * Starts the touch panel and REST API on the configured host and port; a station without users
     * gets its first admin from {@code adminPin} (see {@link StationPanel#bootstrapAdmin}).
     */
    public PanelServer startPanel(String adminPin) {
        UserAccounts accounts = StationPanel.accounts(db);
        StationPanel.bootstrapAdmin(accounts, adminPin);
        return startPanel(accounts, config.panel().host(), config.panel().port());
    }

    /** Starts the touch panel with these accounts on {@code host:port} (0 = a free port). */
    public PanelServer startPanel(UserAccounts accounts, String host, int port) {
        PanelServer panel = StationPanel.start(db, ledger, line, accounts, devices, this::extraStatus, masterData,
                platform == null ? io.tracemark.web.CounterfeitAlerts.NONE : StationPanel.alertsOf(platform.scanAlerts()),
                plcRejects::onChange, platform == null ? List::of : platform::auditAnchors, host, port);
        panel.useVirtualControls(virtualControls);
        panel.usePacking(packingDesk());
        panel.useRecalls(new io.tracemark.pack.Recalls(db, writes, Clock.systemUTC())
                .withArchives(() -> io.tracemark.records.archive.Archives.openAll(db)));
        return panel;
    }

    /**
     * Packing, shipments and component links for the panel: the ship gate is on when the station reports to a
     * platform (guideline 4 d), off for a station without one.
     */
    private PackingDesk packingDesk() {
        var aggregation = packing != null ? packing.aggregation() : new io.tracemark.pack.Aggregation(db, writes, Clock.systemUTC());
        var shipping = new io.tracemark.pack.Shipping(db, writes, Clock.systemUTC(), platform != null);
        var links = components != null ? components.links()
                : new io.tracemark.pack.ComponentLinks(db, writes, Clock.systemUTC(), masterData, schemes(config));
        return new PackingDesk(aggregation, packing != null ? Optional.of(packing.packing()) : Optional.empty(),
                packing != null ? config.packing().caseSize() : 20, Optional.of(shipping), Optional.of(links));
    }

    private Map<String, Object> extraStatus() {
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("platform", platform != null ? platform.status() : PlatformLink.noPlatformStatus());
        status.put("backup", backups != null ? backups.status() : Map.of("configured", false));
        status.put("archive", archives != null ? archives.status() : Map.of("configured", false));
        if (plcRejects.counting()) {
            // the PLC reject counts beside the station's gate fires, of the job on the line so far (as last read)
            // and of the last ended job (cached: status is pushed often)
            status.put("plcRejectCounts", Stream.concat(plcRejects.running().stream(), plcRejects.lastEnded().stream())
                    .map(GateCount::fields).toList());
        }
        return status;
    }

    /** The scheduled backups, when {@code station.yaml} configures them. */
    public Optional<BackupSchedule> backups() {
        return Optional.ofNullable(backups);
    }

    /** The unfinished jobs found at start-up (voided in flight, resumable), oldest first; the last is current. */
    public List<String> recovered() {
        return recovered;
    }

    /** A configured scanner, by name. */
    public Optional<Scanner> scanner(String name) {
        return lineDevices.scanner(name);
    }

    public StationConfig config() {
        return config;
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

    /** The component scan station, when {@code station.yaml} configures one. */
    public Optional<ComponentScanStation> components() {
        return Optional.ofNullable(components);
    }

    /** The packing station, when {@code station.yaml} configures one. */
    public Optional<PackingStation> packing() {
        return Optional.ofNullable(packing);
    }

    /** The platform link, when a platform is configured. */
    public Optional<PlatformLink> platform() {
        return Optional.ofNullable(platform);
    }

    /**
     * The PLC reject counts of an ended job, one per gate whose PLC counts rejects (none without such a
     * gate), waiting up to {@code within} for the counters to be read.
     */
    public List<GateCount> gateCounts(String job, Duration within) {
        return plcRejects.awaitEnd(job, within);
    }

    /** Stops the platform link (what is unsent stays in the outbox), the line and its devices, and the database. */
    @Override
    public void close() {
        try {
            if (batchEnds != null) {
                batchEnds.close();
            }
            if (backupAtBatchEnd != null) {
                backupAtBatchEnd.close();
            }
            if (archives != null) {
                archives.close();
            }
            if (backups != null) {
                backups.close();
            }
            if (plcRejects != null) {
                plcRejects.close();
            }
            if (platform != null) {
                platform.close();
            }
            if (packing != null) {
                packing.close();
            }
            if (components != null) {
                components.close();
            }
            line.close();
        } finally {
            writes.close();
            db.close();
        }
    }
}

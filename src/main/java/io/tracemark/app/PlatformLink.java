package io.tracemark.app;

import io.tracemark.codes.CodeSchemes;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.master.MasterDataStore;
import io.tracemark.platform.BackgroundTask;
import io.tracemark.platform.Backoff;
import io.tracemark.platform.CodeRangePuller;
import io.tracemark.platform.DailyQuantityReporter;
import io.tracemark.platform.DailyQuantitySchedule;
import io.tracemark.platform.JobProducts;
import io.tracemark.platform.LedgerCodeStock;
import io.tracemark.platform.OutboxSender;
import io.tracemark.platform.PlatformClient;
import io.tracemark.platform.PlatformException;
import io.tracemark.platform.PlatformLag;
import io.tracemark.platform.PlatformListener;
import io.tracemark.platform.PullerSettings;
import io.tracemark.platform.ScanAlertPuller;
import io.tracemark.platform.StoredCodeRequests;
import io.tracemark.platform.StoredScanAlerts;
import io.tracemark.platform.UnusedCodeReturns;
import io.tracemark.platform.wire.DailyQuantity;
import io.tracemark.store.AuditAnchor;
import io.tracemark.store.Database;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's link to its traceability platform: at start the platform's producer and product
 * master data are copied into the station ({@link MasterDataSync}) and the code buffers filled; then
 * a {@link CodeRangePuller} keeps a buffer per product in the ledger (low-buffer alarm included), an
 * {@link OutboxSender} drains unit events while the line runs, and the day's quantity is reported
 * on a schedule in the station's time zone ({@link DailyQuantityReporter}); the platform's
 * anti-counterfeit alerts are pulled into the station database ({@link ScanAlertPuller}) for the
 * panel. A platform that cannot
 * be reached at start does not stop the station: it runs on the codes it has and keeps trying.
 */
public final class PlatformLink implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlatformLink.class);
    private static final String ACTOR = "platform-link";
    private static final int CATCH_UP_DAYS = 31;
    private static final Duration RETURN_RETRY = Duration.ofMinutes(5);
    private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(5), 0.2, 1);

    /**
     * @param dailyRates   expected units per day for products that need their own figure
     * @param defaultDaily expected units per day of every other product of the platform's master data (0: none)
     * @param bufferDays   codes kept: this many days of production
     * @param alarmDays    low-buffer alarm below this many days of production
     * @param pullInterval time between scheduled pulls
     * @param dailyReport  time between reports of the day's quantity
     * @param zone         the station's time zone (what "a day" is)
     */
    public record Settings(Map<String, Long> dailyRates, long defaultDaily, double bufferDays, double alarmDays,
                           Duration pullInterval, Duration dailyReport, ZoneId zone) {
        public Settings {
            dailyRates = Map.copyOf(dailyRates);
        }

        /** The settings of {@code station.yaml}'s platform section. */
        public static Settings of(StationConfig.Platform p) {
            return new Settings(Map.of(), p.expectedDailyUnits(), p.bufferDays(), p.alarmDays(),
                    Duration.ofSeconds(p.pullIntervalSeconds()), Duration.ofMinutes(p.dailyReportMinutes()),
                    ZoneId.systemDefault());
        }
    }

    private final PlatformClient client;
    private final CodeRangePuller puller;
    private final OutboxSender sender;
    private final DailyQuantityReporter reporter;
    private final DailyQuantitySchedule daily;
    private final UnusedCodeReturns returns;
    private final StoredScanAlerts scanAlerts;
    private final ScanAlertPuller alertPuller;
    /** Copies the platform's master data again every pull interval (a product registered meanwhile). */
    private final BackgroundTask masterDataRefresh;
    private final Settings settings;
    private final String stationId;
    private final Map<String, Long> lowBuffers = new ConcurrentHashMap<>();
    private volatile String startError;
    private volatile List<String> masterDataRefused = List.of();

    private PlatformLink(PlatformClient client, Database db, CodeLedger ledger, MasterDataStore masterData,
                         CodeSchemes schemes, Map<String, Long> rates, String stationId, Settings settings) {
        this.client = client;
        this.settings = settings;
        this.stationId = stationId;
        Clock clock = Clock.systemUTC();
        PullerSettings pulls = new PullerSettings(settings.pullInterval(), settings.bufferDays(), settings.alarmDays(),
                rates, 100, 100_000);
        this.puller = new CodeRangePuller(client, new LedgerCodeStock(ledger, db, schemes), pulls, new Alarms(),
                new StoredCodeRequests(db, clock));
        this.sender = new OutboxSender(db, ledger.outbox(), client, new JobProducts(db),
                OutboxSender.Settings.defaults(), clock, stationId);
        this.reporter = new DailyQuantityReporter(db, client, settings.zone(), stationId);
        this.daily = new DailyQuantitySchedule(reporter, db, clock, settings.zone(),
                () -> masterData.products().stream().map(p -> p.id()).toList(), CATCH_UP_DAYS, settings.dailyReport(),
                BACKOFF);
        this.returns = new UnusedCodeReturns(db, ledger, client, stationId, clock, RETURN_RETRY, BACKOFF);
        this.scanAlerts = new StoredScanAlerts(db, ledger.audit(), clock);
        this.alertPuller = new ScanAlertPuller(client, scanAlerts, settings.pullInterval(), BACKOFF, clock);
        this.masterDataRefresh = new BackgroundTask("master-data", () -> refreshMasterData(masterData),
                settings.pullInterval(), BACKOFF, LOG, clock);
    }

    /** Syncs master data again; a platform failure is thrown (the task backs off and logs it once). */
    private void refreshMasterData(MasterDataStore masterData) {
        MasterDataSync.Outcome synced = MasterDataSync.sync(client, masterData, ACTOR);
        if (synced.saved() > 0) {
            LOG.info("{}: master data refreshed, {} records saved, {} refused", client.describe(), synced.saved(),
                    synced.refused().size());
        }
        masterDataRefused = synced.refused();
    }

    /**
     * Syncs master data, fills the buffers once, then starts pulling, sending and reporting in the background.
     */
    public static PlatformLink start(PlatformClient client, Database db, CodeLedger ledger, MasterDataStore masterData,
                                     CodeSchemes schemes, String stationId, Settings settings) {
        String error = null;
        List<String> refused = List.of();
        try {
            MasterDataSync.Outcome synced = MasterDataSync.sync(client, masterData, ACTOR);
            refused = synced.refused();
            LOG.info("{}: {} master data records saved, {} refused", client.describe(), synced.saved(), refused.size());
        } catch (PlatformException e) {
            error = "master data not synced: " + e.getMessage();
            LOG.warn("{}: {}", client.describe(), error);
        }
        Map<String, Long> rates = new LinkedHashMap<>();
        if (settings.defaultDaily() > 0) {
            masterData.products().forEach(p -> rates.put(p.id(), settings.defaultDaily()));
        }
        rates.putAll(settings.dailyRates());
        PlatformLink link = new PlatformLink(client, db, ledger, masterData, schemes, rates, stationId, settings);
        CodeRangePuller.PullReport first = link.puller.pullNow();
        if (first.error() != null) {
            error = "first code pull failed: " + first.error();
            LOG.warn("{}: {}; the station runs on the codes it has and keeps trying", client.describe(), error);
        } else {
            LOG.info("{}: ranges imported {}, refused {}, codes available {}", client.describe(), first.imported(),
                    first.refused().size(), first.available());
        }
        link.startError = error;
        link.masterDataRefused = refused;
        // just pulled: the next pull after one interval (at once again would top up a job's first allocation)
        link.puller.start(first.error() == null ? settings.pullInterval() : Duration.ZERO);
        link.sender.start();
        link.daily.start();
        link.returns.start();
        link.alertPuller.start();
        link.masterDataRefresh.start(settings.pullInterval()); // just synced above
        return link;
    }

    /** The puller (its buffer and its last report). */
    public CodeRangePuller puller() {
        return puller;
    }

    /** The platform's anti-counterfeit alerts as the station holds them (pulled in the background). */
    public StoredScanAlerts scanAlerts() {
        return scanAlerts;
    }

    /** How far behind the platform is. */
    public PlatformLag lag() {
        return sender.lag();
    }

    /** Waits (at most {@code within}) until every outbox message reached the platform. */
    public boolean awaitDrained(Duration within) {
        try {
            return sender.awaitDrained(within);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Reports today's quantity of every product with verified units.
     *
     * @throws PlatformException when the platform refuses or cannot be reached
     */
    public List<DailyQuantity> reportToday() {
        return reporter.report(LocalDate.now(settings.zone()), List.of());
    }

    /**
     * The audit anchors the platform keeps of this station; empty (logged) when it cannot be reached now,
     * which the audit verdict shows as no external anchors.
     */
    public List<AuditAnchor> auditAnchors() {
        try {
            return client.auditAnchors(stationId == null ? "" : stationId).stream()
                    .map(a -> new AuditAnchor(a.entryId(), a.hash(), a.at(), a.keyId())).toList();
        } catch (PlatformException e) {
            LOG.warn("audit anchors of {} not available: {}", client.describe(), e.getMessage());
            return List.of();
        }
    }

    /** A batch ended: its unused codes go back to the platform ({@code POST /returns}), retried until confirmed. */
    public void batchEnded(String jobId) {
        returns.batchEnded(jobId);
    }

    /** The platform section of {@code GET /api/v1/status}. */
    public Map<String, Object> status() {
        Map<String, Object> section = new LinkedHashMap<>(StationPanel.platformStatus(lag()));
        section.put("configured", true);
        section.put("platform", client.describe());
        section.put("lowBuffers", Map.copyOf(lowBuffers));
        section.put("startError", startError);
        section.put("masterDataRefused", masterDataRefused);
        section.put("scanAlerts", scanAlerts.unacknowledged());
        return section;
    }

    /** The platform section of a station that has none: it runs on imported code packages. */
    public static Map<String, Object> noPlatformStatus() {
        Map<String, Object> section = new LinkedHashMap<>();
        section.put("configured", false);
        section.put("codes", "imported code packages (no platform configured: codes import FILE)");
        return section;
    }

    /** Stops pulling, sending and reporting; what is unsent stays in the outbox. */
    @Override
    public void close() {
        try {
            masterDataRefresh.close();
            alertPuller.close();
            daily.close();
            returns.close();
            sender.close();
        } finally {
            puller.close();
        }
    }

    /** Low-buffer alarms, kept for the status and logged once per change. */
    private final class Alarms implements PlatformListener {
        @Override
        public void bufferLow(String productId, long available, long threshold) {
            if (lowBuffers.put(productId, available) == null) {
                LOG.warn("{}: code buffer of {} low: {} codes left, alarm below {}", client.describe(), productId,
                        available, threshold);
            }
        }

        @Override
        public void bufferRestored(String productId, long available) {
            if (lowBuffers.remove(productId) != null) {
                LOG.info("{}: code buffer of {} restored: {} codes", client.describe(), productId, available);
            }
        }
    }
}

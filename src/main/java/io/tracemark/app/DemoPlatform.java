package io.tracemark.app;

import io.tracemark.core.TracemarkException;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.master.MasterDataStore;
import io.tracemark.platform.CodeRangePuller;
import io.tracemark.platform.DailyQuantityReporter;
import io.tracemark.platform.JobProducts;
import io.tracemark.platform.LedgerCodeStock;
import io.tracemark.platform.OutboxSender;
import io.tracemark.platform.PlatformClient;
import io.tracemark.platform.PlatformException;
import io.tracemark.platform.PlatformLag;
import io.tracemark.platform.PlatformListener;
import io.tracemark.platform.PullerSettings;
import io.tracemark.platform.reference.ReferencePlatform;
import io.tracemark.platform.reference.ReferencePlatformOptions;
import io.tracemark.platform.wire.DailyQuantity;
import io.tracemark.store.Database;
import java.net.URI;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's traceability platform and the station's link to it, in one process: a
 * {@link ReferencePlatform} with its sample data on a loopback port (data in {@code <data>/platform},
 * so a restarted station finds it as it was), the station's master data copied from it, a
 * {@link CodeRangePuller} keeping a code buffer per product in the ledger (first filled before any
 * job starts, then topped up on its schedule), an {@link OutboxSender} draining unit verdicts to the
 * platform while the line runs, and the daily quantity report.
 */
public final class DemoPlatform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoPlatform.class);
    private static final String ACTOR = "platform-link";

    /**
     * @param buffers      codes to keep AVAILABLE per product id (the buffer target)
     * @param pullInterval time between scheduled pulls
     * @param seed         seed of the platform's opaque code generation
     */
    public record Settings(Map<String, Long> buffers, Duration pullInterval, long seed) {
        public Settings {
            buffers = Map.copyOf(buffers);
        }
    }

    /**
     * What the platform holds at the end of a run.
     *
     * @param url           the platform's root URL
     * @param backlog       outbox messages not yet delivered
     * @param delivered     outbox messages delivered by this process
     * @param events        unit events the platform holds (each once)
     * @param dailyQuantity today's quantity reported per product
     * @param publicPage    the public page of one verified unit of the job, when there is one
     */
    public record Report(URI url, long backlog, long delivered, long events, Map<String, Long> dailyQuantity,
                         Optional<URI> publicPage) {
    }

    private final ReferencePlatform platform;
    private final Database db;
    private final CodeRangePuller puller;
    private final OutboxSender sender;
    private final DailyQuantityReporter reporter;
    private final ZoneId zone = ZoneId.systemDefault();

    private DemoPlatform(ReferencePlatform platform, Database db, CodeLedger ledger, Settings settings) {
        this.platform = platform;
        this.db = db;
        PlatformClient client = platform.client();
        PullerSettings pulls = new PullerSettings(settings.pullInterval(), 1, 0.25, settings.buffers(), 100, 100_000);
        this.puller = new CodeRangePuller(client, new LedgerCodeStock(ledger, db, ReferencePlatform.stationSchemes()),
                pulls, new PlatformListener() { });
        this.sender = new OutboxSender(db, ledger.outbox(), client, new JobProducts(db), OutboxSender.Settings.defaults(),
                Clock.systemUTC());
        this.reporter = new DailyQuantityReporter(db, client, zone);
    }

    /**
     * Starts the platform on {@code <dataDir>/platform}, copies its master data into the station,
     * fills the code buffers, and starts pulling and sending in the background.
     *
     * @throws TracemarkException when the platform does not start or the first pull fails
     */
    public static DemoPlatform start(Path dataDir, Database db, CodeLedger ledger, MasterDataStore masterData,
                                     Settings settings) {
        ReferencePlatform platform = ReferencePlatform.start(0, dataDir.resolve("platform"),
                ReferencePlatformOptions.demo().withRandomSeed(settings.seed()));
        DemoPlatform link = new DemoPlatform(platform, db, ledger, settings);
        try {
            int saved = MasterDataSync.sync(platform.client(), masterData, ACTOR);
            CodeRangePuller.PullReport first = link.puller.pullNow();
            if (first.error() != null) {
                throw new TracemarkException("reference platform " + platform.baseUrl() + ": first code pull failed: "
                        + first.error());
            }
            LOG.info("platform {}: {} master data records saved, ranges imported {}, refused {}, codes available {}",
                    platform.baseUrl(), saved, first.imported(), first.refused().size(), first.available());
        } catch (RuntimeException e) {
            link.close();
            throw e;
        }
        link.puller.start();
        link.sender.start();
        return link;
    }

    public ReferencePlatform platform() {
        return platform;
    }

    public URI url() {
        return platform.baseUrl();
    }

    public CodeRangePuller puller() {
        return puller;
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

    /** Reports today's quantity of every product with verified units; empty when the platform refused. */
    public List<DailyQuantity> reportToday() {
        try {
            return reporter.report(LocalDate.now(zone), List.of());
        } catch (PlatformException e) {
            LOG.warn("daily quantity not reported: {}", e.getMessage());
            return List.of();
        }
    }

    /**
     * The end of a run: waits for the outbox to drain (at most {@code within}), reports today's
     * quantities, and picks the public page of one verified unit of {@code jobId}.
     */
    public Report finish(String jobId, Duration within) {
        if (!awaitDrained(within)) {
            LOG.warn("outbox not drained within {}: {}", within, lag());
        }
        Map<String, Long> quantities = new LinkedHashMap<>();
        reportToday().forEach(q -> quantities.put(q.productId(), q.quantity()));
        PlatformLag lag = lag();
        return new Report(url(), lag.backlog(), lag.delivered(), platform.eventCount(), quantities,
                verifiedCode(jobId).map(platform::publicPage));
    }

    /** The code of the first VERIFIED unit of a job. */
    public Optional<String> verifiedCode(String jobId) {
        return db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT c.code FROM units u JOIN codes c ON c.id = u.code_id"
                    + " WHERE u.job_id = ? AND u.state = 'VERIFIED' ORDER BY u.id LIMIT 1")) {
                ps.setString(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** Stops pulling and sending (what is unsent stays in the outbox) and stops the platform. */
    @Override
    public void close() {
        try {
            sender.close();
            puller.close();
        } finally {
            platform.close();
        }
    }
}

package io.tracemark.app;

import io.tracemark.platform.PlatformException;
import io.tracemark.platform.PlatformLag;
import io.tracemark.platform.reference.ReferencePlatform;
import io.tracemark.platform.reference.ReferencePlatformOptions;
import io.tracemark.platform.wire.DailyQuantity;
import io.tracemark.store.Database;
import java.net.URI;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's traceability platform in the station's process: a {@link ReferencePlatform} with its
 * sample data on a loopback port (data in {@code <data>/platform}, so a restarted station finds it
 * as it was), and the station's {@link PlatformLink} to it, made by the station builder over HTTP
 * exactly as for a platform elsewhere.
 */
public final class DemoPlatform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoPlatform.class);

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
    private PlatformLink link;
    private Database db;

    private DemoPlatform(ReferencePlatform platform) {
        this.platform = platform;
    }

    /** Starts the reference platform on {@code <dataDir>/platform}, on a free loopback port. */
    static DemoPlatform start(Path dataDir, long seed) {
        return new DemoPlatform(ReferencePlatform.start(0, dataDir.resolve("platform"),
                ReferencePlatformOptions.demo().withRandomSeed(seed)));
    }

    /** The station section that points at this platform. */
    StationConfig.Platform stationSection(String name) {
        return new StationConfig.Platform(platform.baseUrl(), platform.stationToken(), 1, 0, name,
                platform.baseUrl(), 30, 0.25, 60, 10);
    }

    /** The station's link to this platform, once the station is built. */
    void attach(PlatformLink stationLink, Database stationDb) {
        this.link = stationLink;
        this.db = stationDb;
    }

    public ReferencePlatform platform() {
        return platform;
    }

    public URI url() {
        return platform.baseUrl();
    }

    /** The station's link (puller, sender, reporter). */
    public PlatformLink link() {
        return link;
    }

    /** How far behind the platform is. */
    public PlatformLag lag() {
        return link.lag();
    }

    /** Waits (at most {@code within}) until every outbox message reached the platform. */
    public boolean awaitDrained(Duration within) {
        return link.awaitDrained(within);
    }

    /** Reports today's quantity of every product with verified units; empty when the platform refused. */
    public List<DailyQuantity> reportToday() {
        try {
            return link.reportToday();
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
        reportToday().forEach(q -> quantities.merge(q.productId(), q.quantity(), Long::sum));
        PlatformLag lag = lag();
        return new Report(url(), lag.backlog(), lag.delivered(), platform.eventCount(), quantities,
                verifiedCode(db, jobId).map(platform::publicPage));
    }

    /** The code of the first VERIFIED unit of a job. */
    static Optional<String> verifiedCode(Database db, String jobId) {
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

    /** Stops the platform (the station's link is closed with the station). */
    @Override
    public void close() {
        platform.close();
    }
}

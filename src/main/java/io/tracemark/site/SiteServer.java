package io.tracemark.site;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.tracemark.core.TracemarkException;
import io.tracemark.platform.Backoff;
import io.tracemark.platform.BackgroundTask;
import io.tracemark.platform.HttpPlatformClient;
import io.tracemark.platform.PlatformClient;
import io.tracemark.platform.PlatformJson;
import io.tracemark.platform.reference.ErrorReplies;
import io.tracemark.platform.reference.ReferencePlatform;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site server: one factory's stations talk the platform contract to it, it talks the same
 * contract to the real platform. Everything it knows is in PostgreSQL ({@link SiteDatabase}), so any
 * number of site processes may serve one database (behind a load balancer): the pool hands out each
 * code once and one process at a time talks to the platform for the pool and the outbox.
 */
public final class SiteServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SiteServer.class);

    private final SiteConfig config;
    private final SiteDatabase db;
    private final StationRegistry stations;
    private final CodePool pool;
    private final PoolKeeper keeper;
    private final SiteEvents events;
    private final EventForwarder forwarder;
    private final SiteStatus status;
    private final BackgroundTask poolTask;
    private final LinePanels panels;
    private final BackgroundTask panelTask;
    private final MqttPublisher mqtt;
    private final Javalin app;
    private volatile URI url;

    private SiteServer(SiteConfig config, SiteDatabase db) {
        this.config = config;
        this.db = db;
        Clock clock = Clock.systemUTC();
        PlatformClient platform = new HttpPlatformClient(config.platform().url(), config.platform().token(),
                Duration.ofSeconds(config.platform().timeoutSeconds()));
        this.stations = new StationRegistry(db, clock);
        for (SiteConfig.StationEntry s : config.stations()) {
            stations.register(s.id(), s.name(), s.token());
        }
        SiteMasterData master = new SiteMasterData(db);
        this.pool = new CodePool(db);
        this.keeper = new PoolKeeper(db, pool, master, platform, config.pool());
        this.events = new SiteEvents(db);
        this.forwarder = new EventForwarder(db, platform, new Backoff(Duration.ofMillis(500), Duration.ofSeconds(30), 0.2,
                config.siteId().hashCode()), Duration.ofMillis(200));
        this.panels = new LinePanels(config.stations(), 3000);
        this.status = new SiteStatus(db, stations, pool, forwarder, panels);
        int every = config.mqtt() != null ? config.mqtt().intervalSeconds() : 5;
        this.panelTask = new BackgroundTask("site-panels", panels::readAll, Duration.ofSeconds(every),
                new Backoff(Duration.ofSeconds(every), Duration.ofSeconds(every), 0, 3), LOG, clock);
        this.mqtt = config.mqtt() == null ? null : new MqttPublisher(config.mqtt(), config.siteId(), status);
        Duration interval = Duration.ofSeconds(config.platform().pullIntervalSeconds());
        this.poolTask = new BackgroundTask("site-pool", () -> {
            PoolKeeper.Round round = keeper.runOnce();
            if (round.error() != null) {
                throw new io.tracemark.platform.PlatformException(io.tracemark.platform.PlatformException.Kind.UNREACHABLE,
                        0, round.error(), java.util.List.of(), null);
            }
        }, interval, new Backoff(interval, interval.multipliedBy(4), 0.2, 7), LOG, clock);
        this.app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.jsonMapper(new JavalinJackson(PlatformJson.mapper(), false));
            c.http.maxRequestSize = ReferencePlatform.MAX_BODY_BYTES;
        });
        new SiteRoutes(stations, master, pool, keeper, events, forwarder, platform).register(app);
        SiteApi siteApi = new SiteApi(config.adminToken(), stations, status);
        siteApi.register(app);
        if (config.sscc() != null) {
            SiteSsccs.add(db, config.sscc());
        }
        WarehouseAudit audit = new WarehouseAudit();
        new WarehouseApi(new SitePallets(db, audit), new SiteShipping(db, audit, forwarder, config.siteId()),
                new SiteRecall(db)).register(app, siteApi::admin);
        new ErrorReplies(ReferencePlatform.MAX_BODY_BYTES).register(app);
    }

    /** Opens the database (migrating it), registers the configured stations and starts serving. */
    public static SiteServer start(SiteConfig config) {
        SiteDatabase db = SiteDatabase.open(config.database());
        SiteServer site;
        try {
            site = new SiteServer(config, db);
            site.app.start(config.listen().host(), config.listen().port());
        } catch (RuntimeException e) {
            db.close();
            throw e instanceof TracemarkException t ? t : new TracemarkException("site " + config.siteId()
                    + ": cannot start on " + config.listen().host() + ":" + config.listen().port() + ": " + e.getMessage(), e);
        }
        site.url = URI.create("http://" + config.listen().host() + ":" + site.app.port());
        site.panelTask.start();
        if (site.mqtt != null) {
            site.mqtt.start();
        }
        site.forwarder.start();
        PoolKeeper.Round first = site.keeper.runOnce(); // master data and codes before stations ask; an outage only delays it
        site.poolTask.start(first.ran() && first.error() == null
                ? Duration.ofSeconds(config.platform().pullIntervalSeconds()) : Duration.ofSeconds(1));
        LOG.info("site {} listening on {} (database {}, platform {})", config.siteId(), site.url, config.database().url(),
                config.platform().url());
        return site;
    }

    /** The root URL stations use as their {@code platform.url}. */
    public URI url() {
        return url;
    }

    public int port() {
        return app.port();
    }

    public SiteDatabase database() {
        return db;
    }

    public StationRegistry stations() {
        return stations;
    }

    public CodePool pool() {
        return pool;
    }

    public PoolKeeper keeper() {
        return keeper;
    }

    public EventForwarder forwarder() {
        return forwarder;
    }

    public SiteStatus status() {
        return status;
    }

    public SiteConfig config() {
        return config;
    }

    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            poolTask.close();
            panelTask.close();
            if (mqtt != null) {
                mqtt.close();
            }
            forwarder.close();
            db.close();
        }
        LOG.info("site {} on {} stopped", config.siteId(), url);
    }
}

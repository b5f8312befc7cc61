package io.tracemark.platform.reference;

import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.tracemark.codes.CodeSchemes;
import io.tracemark.platform.HttpPlatformClient;
import io.tracemark.platform.PlatformClient;
import io.tracemark.platform.PlatformJson;
import io.tracemark.platform.wire.CodeRange;
import io.tracemark.platform.wire.CodeRequest;
import io.tracemark.platform.wire.CodeRequestStatus;
import io.tracemark.platform.wire.CodeStatus;
import io.tracemark.platform.wire.DailyQuantity;
import io.tracemark.platform.wire.NewCodeRequest;
import io.tracemark.platform.wire.Producer;
import io.tracemark.platform.wire.Product;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reference traceability platform implementing {@code docs/platform-api.yaml}: producers and
 * products with the guideline's mandatory information, audited code requests, code generation per
 * scheme, exactly-once event intake, daily quantities and a public page per code. It keeps its own
 * SQLite database ({@code platform.db}) in its data directory, so a restart on the same directory
 * continues where it stopped.
 *
 * <p>It exists for integration tests, demos and as the model for adapters to real platforms; it is
 * not a production platform. Start it in-process with {@link #start(int, Path, boolean)} (port 0
 * picks a free port) and stop it with {@link #close()}.
 */
public final class ReferencePlatform implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReferencePlatform.class);
    /** Largest request body taken (a full batch of 1,000 events is about 300 kB); larger is a 413. */
    public static final long MAX_BODY_BYTES = 2_000_000;

    private final PlatformDatabase db;
    private final MasterData master;
    private final CodeIssuer issuer;
    private final EventIntake intake;
    private final ReferencePlatformOptions options;
    private final ScanCounter scans;
    private final Javalin app;
    private final List<String> routes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile String baseUrl;

    private ReferencePlatform(Path dataDir, ReferencePlatformOptions options) {
        this.options = options;
        this.db = new PlatformDatabase(dataDir);
        Clock clock = Clock.systemUTC();
        Random random = options.randomSeed() == null ? new SecureRandom() : new Random(options.randomSeed());
        this.master = new MasterData(db, () -> "reference platform " + baseUrl);
        this.issuer = new CodeIssuer(db, master, new CodeGenerator(random,
                () -> options.resolverBase() != null ? options.resolverBase() : baseUrl), clock, options.autoAudit());
        this.intake = new EventIntake(db, clock);
        this.scans = new ScanCounter(db, clock);
        if (options.seed()) {
            SampleData.load(master);
        }
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(PlatformJson.mapper(), false));
            config.http.maxRequestSize = MAX_BODY_BYTES;
            config.events(events -> events.handlerAdded(h -> {
                if (h.getHttpMethod().isHttpMethod()) {
                    routes.add(h.getHttpMethod() + " " + h.getPath());
                }
            }));
        });
        new StationRoutes(master, issuer, intake, scans).register(app);
        new AuditAnchors(db).register(app);
        Recalls recalls = new Recalls(db, master, clock);
        new AdminRoutes(options.adminToken(), master, issuer, intake, scans, recalls).register(app);
        new PublicRoutes(master, intake, scans, recalls).register(app);
        new ErrorReplies(MAX_BODY_BYTES).register(app);
    }

    /** Starts a platform on 127.0.0.1; {@code seed} loads {@link SampleData} and audits automatically. */
    public static ReferencePlatform start(int port, Path dataDir, boolean seed) {
        return start(port, dataDir, ReferencePlatformOptions.demo().withSeed(seed));
    }

    /** Starts a platform on 127.0.0.1 with the given options ({@code port} 0 picks a free port). */
    public static ReferencePlatform start(int port, Path dataDir, ReferencePlatformOptions options) {
        ReferencePlatform platform = new ReferencePlatform(dataDir, options);
        try {
            platform.app.start("127.0.0.1", port);
        } catch (RuntimeException e) {
            platform.db.close();
            throw new io.tracemark.core.TracemarkException("reference platform: cannot listen on 127.0.0.1:" + port
                    + ": " + e.getMessage(), e);
        }
        platform.baseUrl = "http://127.0.0.1:" + platform.app.port();
        LOG.info("reference platform listening on {} (data {})", platform.baseUrl, dataDir);
        return platform;
    }

    /** The root URL, e.g. {@code http://127.0.0.1:41234}; the contract is below {@code /api/platform/v1}. */
    public URI baseUrl() {
        return URI.create(baseUrl);
    }

    public int port() {
        return app.port();
    }

    /** The sample station's token ({@link SampleData#STATION_TOKEN}); valid when started with seed data. */
    public String stationToken() {
        return SampleData.STATION_TOKEN;
    }

    public String adminToken() {
        return options.adminToken();
    }

    /** An HTTP client for this platform with the sample station's token and a 5 s timeout. */
    public PlatformClient client() {
        return new HttpPlatformClient(baseUrl(), stationToken(), Duration.ofSeconds(5));
    }

    /**
     * One call for demos: requests {@code quantity} codes for a product of the sample producer and
     * audits the request as {@code auto} if it waits, returning the activated (unacknowledged)
     * range. Throws if the product's mandatory information is incomplete.
     */
    /** The codes of a range activated for {@code productId}, whether issued as a list or an interval. */
    public List<String> activateCodes(String productId, int quantity) {
        CodeRange range = activateRange(productId, quantity);
        return range.codes() != null ? range.codes() : range.pattern().expand();
    }

    /** From now on, {@code productId}'s GS1 serials are counted and issued as intervals instead of drawn at random. */
    public void useSequentialSerials(String productId) {
        issuer.setSerials(productId, SerialSettings.sequential());
    }

    public CodeRange activateRange(String productId, int quantity) {
        String producerId = master.product(productId).map(Product::producerId)
                .orElseThrow(() -> new IllegalArgumentException("reference platform: no product " + productId));
        CodeRequest r = issuer.request(producerId, new NewCodeRequest(productId, quantity, null));
        if (r.status() == CodeRequestStatus.PENDING_AUDIT) {
            r = issuer.audit(r.id(), true, "auto", null);
        }
        if (r.status() != CodeRequestStatus.ACTIVATED) {
            throw new IllegalStateException("reference platform: code request " + r.id() + " for " + productId
                    + " was " + r.status() + ": " + r.reason());
        }
        return issuer.range(producerId, r.rangeId());
    }

    /**
     * The code schemes a station needs for this platform's codes: the standard ones plus the
     * {@code digital-identity} opaque scheme of its 数字身份码.
     */
    public static CodeSchemes stationSchemes() {
        return CodeSchemes.withOpaque(List.of(CodeGenerator.digitalIdentityScheme()));
    }

    /** Audits a pending code request as a person would through the admin endpoint. */
    public CodeRequest audit(String requestId, boolean approve, String auditor, String reason) {
        return issuer.audit(requestId, approve, auditor, reason);
    }

    public List<CodeRequest> codeRequests(CodeRequestStatus status) {
        return issuer.requests(status);
    }

    /** Every range of every producer with its acknowledgement (and refusal reason), oldest first. */
    public List<CodeRange> ranges() {
        return issuer.ranges(null, null, null);
    }

    public void putProducer(Producer producer) {
        master.putProducer(producer);
    }

    public void putProduct(Product product) {
        master.putProduct(product);
    }

    /** Issues a station token for a producer. */
    public String addStation(String producerId, String name) {
        return master.addStation(producerId, name);
    }

    /** Unit events held, each idempotency key once. */
    public long eventCount() {
        return intake.eventCount();
    }

    public Optional<CodeStatus> codeStatus(String code) {
        return intake.status(null, code);
    }

    public Optional<DailyQuantity> dailyQuantity(String productId, LocalDate day) {
        return intake.dailyQuantity(productId, day);
    }

    /** The public page URL of a code: its Digital Link path for GS1 codes, {@code /c/{code}} otherwise. */
    public URI publicPage(String code) {
        var m = java.util.regex.Pattern.compile("^(?:\\(01\\)|.*/01/)(\\d{14})(?:\\(21\\)|/21/)([^/(]+)$").matcher(code);
        if (m.matches()) {
            return URI.create(baseUrl + "/01/" + m.group(1) + "/21/" + m.group(2));
        }
        return URI.create(baseUrl + "/c/" + java.net.URLEncoder.encode(code, java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Every endpoint it serves, {@code "GET /api/platform/v1/ranges"} and so on (to hold against the contract). */
    public List<String> routes() {
        return List.copyOf(routes);
    }

    /** Stops the server and closes the database; the data directory can be reopened by another start. */
    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            db.close();
        }
        LOG.info("reference platform on {} stopped", baseUrl);
    }
}

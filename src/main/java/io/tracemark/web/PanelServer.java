package io.tracemark.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.http.sse.SseHandler;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import io.javalin.security.RouteRole;
import io.tracemark.line.LineControl;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The station's touch panel (static files from {@code /panel} on the class path) and its REST API
 * under {@value #API}, on Javalin. Every route, with the role it needs, is listed in {@link #routes()};
 * exceptions become HTTP answers in {@link PanelErrors}; who may call what is decided in {@link Gate}.
 *
 * <pre>{@code
 * var accounts = new UserAccounts(new MemoryUserStore(), new PinHasher(PinHasher.DEFAULT_ITERATIONS), clock);
 * accounts.ensureUser("9001", "Admin", Role.ADMIN, "9999");      // bootstrap of a fresh station
 * var panel = new PanelServer(line, PanelServices.of(accounts, audit), PanelSettings.defaults());
 * int port = panel.start(7070);                                   // 0 picks a free port
 * }</pre>
 */
public final class PanelServer implements AutoCloseable {

    /** The base path of the REST API. */
    public static final String API = "/api/v1";

    private static final Logger LOG = LoggerFactory.getLogger(PanelServer.class);
    private static final String OPENAPI_RESOURCE = "/panel/openapi.yaml";

    /** One endpoint: method, path under {@link #API}, the least role that may call it (null: anyone). */
    record Route(HandlerType method, String path, Role role, boolean passive, Handler handler) {
    }

    private final LineControl line;
    private final PanelServices services;
    private final PanelSettings settings;
    private final SessionRegistry sessions;
    private final Gate gate;
    private final SessionApi sessionApi;
    private final LineApi lineApi;
    private final RecordsApi recordsApi;
    private final AdminApi adminApi;
    private final MasterDataApi masterDataApi;
    private final CounterfeitAlertApi alertApi;
    private final AuditApi auditApi;
    private final RecipeApi recipeApi;
    private final EventStream events;
    private final PinCheckPool pinChecks;
    private final PackingApi packingApi = new PackingApi();
    private final LiveApi liveApi;
    private final TrendsApi trendsApi;
    private final DeviceApi deviceApi;
    private final ShippingApi shippingApi = new ShippingApi(packingApi::desk);
    private final ComponentApi componentApi = new ComponentApi(packingApi::desk);
    private final RecallApi recallApi = new RecallApi();
    private Javalin app;

    /** Routes a session that must choose a new PIN may still call. */
    private static final java.util.Set<String> PIN_CHANGE_ROUTES = java.util.Set.of("GET /me", "POST /me/pin",
            "DELETE /session");

    public PanelServer(LineControl line, PanelServices services, PanelSettings settings) {
        this.line = line;
        this.services = services;
        this.settings = settings;
        AuditTrail audit = services.audit();
        this.sessions = new SessionRegistry(settings.idleTimeout(), settings.clock(),
                s -> audit.record(s.userId(), "signout.idle", "idle for " + settings.idleTimeout().toSeconds() + " s"));
        SignInThrottle throttle = new SignInThrottle(settings.failuresBeforeLock(), settings.firstLock(),
                settings.maxLock(), settings.clock());
        this.gate = new Gate(services.accounts(), sessions, audit, settings.trustedOrigins());
        this.pinChecks = new PinCheckPool(settings.pinCheckThreads(), settings.pinCheckQueue());
        this.sessionApi = new SessionApi(services.accounts(), sessions, throttle, pinChecks, audit);
        this.lineApi = new LineApi(line, services.extraStatus(), settings.clock());
        this.recordsApi = new RecordsApi(line, services.units());
        this.adminApi = new AdminApi(services.accounts(), sessions, audit, line, services.devices());
        this.masterDataApi = new MasterDataApi(services.masterData());
        this.alertApi = new CounterfeitAlertApi(services.alerts());
        this.auditApi = new AuditApi(services.auditRecords());
        this.recipeApi = new RecipeApi(services.masterData());
        this.liveApi = new LiveApi(line);
        this.trendsApi = new TrendsApi(services.units(), settings.clock());
        this.deviceApi = new DeviceApi(line, audit);
        this.events = new EventStream(line, services.extraStatus(), services.alerts(), services.extraChanges(),
                sessions, settings.heartbeat());
    }

    /** Every endpoint of the API, wired in this one place. */
    List<Route> routes() {
        Role op = Role.OPERATOR;
        Role sup = Role.SUPERVISOR;
        Role adm = Role.ADMIN;
        HandlerType get = HandlerType.GET;
        HandlerType post = HandlerType.POST;
        HandlerType delete = HandlerType.DELETE;
        HandlerType put = HandlerType.PUT;
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(
                new Route(get, "/openapi.yaml", null, false, this::openApi),
                new Route(post, "/session", null, false, sessionApi::signIn),
                new Route(delete, "/session", op, false, sessionApi::signOut),
                new Route(get, "/me", op, false, sessionApi::me),
                new Route(post, "/me/pin", op, false, sessionApi::changePin),
                new Route(get, "/status", op, true, lineApi::status),
                new Route(get, "/events", op, true, new SseHandler(events::connect)),
                new Route(get, "/setup-options", op, false, lineApi::setupOptions),
                new Route(post, "/jobs/validate", op, false, lineApi::validate),
                new Route(post, "/jobs/preview", op, false, lineApi::preview),
                new Route(get, "/jobs/last-reconciliation", op, false, lineApi::lastReconciliation),
                new Route(post, "/line/start", op, false, lineApi::start),
                new Route(post, "/line/pause", op, false, lineApi::pause),
                new Route(post, "/line/resume", op, false, lineApi::resume),
                new Route(post, "/line/stop", op, false, lineApi::stop),
                new Route(post, "/line/clear", op, false, lineApi::clear),
                new Route(post, "/line/restart", op, false, lineApi::restart),
                new Route(post, "/line/end-batch", sup, false, lineApi::endBatch),
                new Route(post, "/line/suspend", sup, false, lineApi::suspend),
                new Route(get, "/jobs/open", op, false, lineApi::openJobs),
                new Route(get, "/jobs", op, false, ctx -> lineApi.jobs(ctx, services.units())),
                new Route(post, "/jobs/{id}/resume", sup, false, lineApi::resumeJob),
                new Route(post, "/line/challenge", sup, false, lineApi::challenge),
                new Route(get, "/alarms", op, false, lineApi::alarms),
                new Route(post, "/alarms/{id}/ack", op, false, lineApi::acknowledge),
                new Route(get, "/platform/scan-alerts", op, false, alertApi::list),
                new Route(post, "/platform/scan-alerts/ack", op, false, alertApi::acknowledge),
                new Route(get, "/units/{code}", op, false, recordsApi::unit),
                new Route(post, "/units/{code}/void", sup, false, recordsApi::voidUnit),
                new Route(get, "/rejects", op, false, recordsApi::rejects),
                new Route(get, "/rejects/{unitId}/image", op, true, recordsApi::rejectImage),
                new Route(get, "/images/last-label", op, true, recordsApi::lastLabel),
                new Route(get, "/images/last-frame", op, true, recordsApi::lastFrame),
                new Route(get, "/live", op, true, liveApi::unit),
                new Route(get, "/live/{unitId}/frame.jpg", op, true, liveApi::frame),
                new Route(get, "/live/{unitId}/label.png", op, true, liveApi::label),
                new Route(get, "/camera/frame.jpg", sup, false, liveApi::latestFrame),
                new Route(get, "/trends", op, true, trendsApi::trends),
                new Route(get, "/devices/state", op, true, deviceApi::states),
                new Route(post, "/devices/{name}/virtual/{action}", op, false, deviceApi::virtualAction),
                new Route(get, "/scanners/{name}/code-box", sup, false, deviceApi::codeBox),
                new Route(put, "/scanners/{name}/code-box", sup, false, deviceApi::saveCodeBox),
                new Route(delete, "/scanners/{name}/code-box", sup, false, deviceApi::removeCodeBox),
                new Route(get, "/products", op, false, recordsApi::products),
                new Route(get, "/codes/pool", op, false, recordsApi::pool),
                new Route(get, "/audit/entries", sup, false, auditApi::entries),
                new Route(get, "/audit/verify", sup, false, auditApi::verify),
                new Route(get, "/users", adm, false, adminApi::users),
                new Route(post, "/users", adm, false, adminApi::createUser),
                new Route(post, "/users/{id}/disable", adm, false, adminApi::disable),
                new Route(post, "/users/{id}/enable", adm, false, adminApi::enable),
                new Route(post, "/users/{id}/pin", adm, false, adminApi::resetPin),
                new Route(get, "/tokens", adm, false, adminApi::tokens),
                new Route(post, "/tokens", adm, false, adminApi::createToken),
                new Route(delete, "/tokens/{id}", adm, false, adminApi::revokeToken),
                new Route(get, "/devices", adm, false, adminApi::devices),
                new Route(get, "/master/producers", adm, false, masterDataApi::producers),
                new Route(put, "/master/producers/{id}", adm, false, masterDataApi::saveProducer),
                new Route(post, "/master/uscc-confirmations", adm, false, masterDataApi::confirmUscc),
                new Route(get, "/master/products", adm, false, masterDataApi::products),
                new Route(put, "/master/products/{id}", adm, false, masterDataApi::saveProduct),
                new Route(get, "/recipes", op, false, recipeApi::list),
                new Route(put, "/recipes/{id}", sup, false, recipeApi::save),
                new Route(delete, "/recipes/{id}", sup, false, recipeApi::remove)),
                java.util.stream.Stream.of(packingApi.routes(), shippingApi.routes(), componentApi.routes(), recallApi.routes())
                        .flatMap(List::stream)).toList();
    }

    /** The hands-on actions at a simulated line's virtual devices, shown on the device page (none by default). */
    public void useVirtualControls(VirtualControls controls) {
        deviceApi.use(controls);
    }

    /** The station's packing, for the packing routes (without it they answer 404). */
    public void usePacking(PackingDesk packing) {
        packingApi.use(packing);
    }

    /** The station's recalls, for the recall routes (without them they answer 404). */
    public void useRecalls(io.tracemark.pack.Recalls recalls) {
        recallApi.use(recalls);
    }

    /** Starts on 127.0.0.1; returns the bound port ({@code port} 0 picks a free one). */
    public int start(int port) {
        return start("127.0.0.1", port);
    }

    /** Starts on the given interface ({@code 0.0.0.0} for a panel on another device); returns the bound port. */
    public synchronized int start(String host, int port) {
        if (app != null) {
            throw new IllegalStateException("panel server already started on port " + app.port());
        }
        Javalin created = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(PanelJson.MAPPER, false));
            // uPlot for the trends tab, from its webjar in the jar (no CDN): /webjars/uplot/1.6.30/dist/…
            config.staticFiles.enableWebjars();
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/panel";
                files.location = Location.CLASSPATH;
                files.headers = java.util.Map.of("Cache-Control", "no-cache");
            });
        });
        created.before(PanelServer::securityHeaders);
        created.beforeMatched(gate::check);
        created.before(API + "/*", PanelServer::refuseHead);
        for (Route route : routes()) {
            created.addHttpHandler(route.method(), API + route.path(), route.handler(), roles(route));
        }
        PanelErrors.register(created);
        created.start(host, port);
        events.start();
        app = created;
        LOG.info("panel on http://{}:{}/ (API {}), idle sign-out after {} s", host, app.port(), API,
                settings.idleTimeout().toSeconds());
        return app.port();
    }

    /** The bound port; only after {@link #start}. */
    public synchronized int port() {
        if (app == null) {
            throw new IllegalStateException("panel server not started");
        }
        return app.port();
    }

    /** The line this panel controls. */
    public LineControl line() {
        return line;
    }

    /** The services this panel uses. */
    public PanelServices services() {
        return services;
    }

    @Override
    public synchronized void close() {
        events.close();
        pinChecks.close();
        if (app != null) {
            app.stop();
            app = null;
        }
    }

    private static RouteRole[] roles(Route route) {
        if (route.role() == null) {
            return new RouteRole[0];
        }
        List<RouteRole> roles = new java.util.ArrayList<>(List.of(route.role()));
        if (route.passive()) {
            roles.add(RouteTag.PASSIVE);
        }
        if (PIN_CHANGE_ROUTES.contains(route.method().name() + " " + route.path())) {
            roles.add(RouteTag.PIN_CHANGE);
        }
        return roles.toArray(RouteRole[]::new);
    }

    /**
     * The API answers no HEAD: Jetty would run the GET handler for it without the gate's role check
     * ever seeing a HEAD route, and answer 200 where a GET needs sign-in.
     */
    private static void refuseHead(Context ctx) {
        if (ctx.method() == HandlerType.HEAD) {
            ctx.header("Allow", "GET");
            throw new io.javalin.http.HttpResponseException(405, "HEAD is not served by the API; use GET");
        }
    }

    private void openApi(Context ctx) {
        try (InputStream in = PanelServer.class.getResourceAsStream(OPENAPI_RESOURCE)) {
            if (in == null) {
                throw new NotFoundException("resource " + OPENAPI_RESOURCE);
            }
            ctx.contentType("application/yaml; charset=utf-8").result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + OPENAPI_RESOURCE, e);
        }
    }

    private static void securityHeaders(Context ctx) {
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data: blob:; "
                + "style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'");
    }
}

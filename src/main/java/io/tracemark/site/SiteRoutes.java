package io.tracemark.site;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tracemark.platform.PlatformClient;
import io.tracemark.platform.PlatformException;
import io.tracemark.platform.reference.ApiException;
import io.tracemark.platform.reference.JsonBody;
import io.tracemark.platform.reference.Tokens;
import io.tracemark.platform.wire.CodeRequest;
import io.tracemark.platform.wire.CodeRequestStatus;
import io.tracemark.platform.wire.CodeReturn;
import io.tracemark.platform.wire.DailyQuantity;
import io.tracemark.platform.wire.EventBatch;
import io.tracemark.platform.wire.FieldProblem;
import io.tracemark.platform.wire.NewCodeRequest;
import io.tracemark.platform.wire.RangeAck;
import io.tracemark.platform.wire.RangeStatus;
import java.util.List;

/**
 * The platform contract ({@code docs/platform-api.yaml}) served downwards to the site's stations,
 * under the same path {@code /api/platform/v1}: a station's {@code platform.url} points at the site
 * exactly as it would at the platform. Master data comes from the site's copy, codes from its pool,
 * events go into its outbox; code status and scan alerts are asked of the platform live.
 */
final class SiteRoutes {

    static final String BASE = "/api/platform/v1";
    private static final String STATION = "stationId";

    private final StationRegistry stations;
    private final SiteMasterData master;
    private final CodePool pool;
    private final PoolKeeper keeper;
    private final SiteEvents events;
    private final EventForwarder forwarder;
    private final PlatformClient platform;

    SiteRoutes(StationRegistry stations, SiteMasterData master, CodePool pool, PoolKeeper keeper, SiteEvents events,
               EventForwarder forwarder, PlatformClient platform) {
        this.stations = stations;
        this.master = master;
        this.pool = pool;
        this.keeper = keeper;
        this.events = events;
        this.forwarder = forwarder;
        this.platform = platform;
    }

    void register(Javalin app) {
        app.before(BASE + "/*", this::authenticate);
        app.get(BASE + "/producers", ctx -> ctx.json(master.producers()));
        app.get(BASE + "/products", ctx -> ctx.json(master.products()));
        app.get(BASE + "/products/{id}", ctx -> ctx.json(master.product(ctx.pathParam("id"))
                .orElseThrow(() -> ApiException.notFound("product " + ctx.pathParam("id")))));
        app.post(BASE + "/code-requests", ctx -> ctx.status(201).json(request(station(ctx),
                JsonBody.read(ctx, NewCodeRequest.class))));
        app.get(BASE + "/code-requests/{id}", ctx -> ctx.json(pool.codeRequest(station(ctx), ctx.pathParam("id"))));
        app.get(BASE + "/ranges", ctx -> ctx.json(pool.ranges(station(ctx), status(ctx), ctx.queryParam("productId"))));
        app.get(BASE + "/ranges/{id}", ctx -> ctx.json(pool.range(station(ctx), ctx.pathParam("id"))));
        app.post(BASE + "/ranges/{id}/ack", ctx -> ctx.json(pool.acknowledge(station(ctx), ctx.pathParam("id"),
                JsonBody.read(ctx, RangeAck.class))));
        app.post(BASE + "/events", ctx -> {
            ctx.json(events.accept(station(ctx), JsonBody.read(ctx, EventBatch.class)));
            forwarder.wakeUp();
        });
        app.post(BASE + "/daily-quantities", ctx -> {
            ctx.json(events.daily(station(ctx), JsonBody.read(ctx, DailyQuantity.class)));
            forwarder.wakeUp();
        });
        app.post(BASE + "/returns", ctx -> ctx.json(pool.returnCodes(station(ctx), JsonBody.read(ctx, CodeReturn.class))));
        app.get(BASE + "/scan-alerts", ctx -> ctx.json(live(() -> platform.scanAlerts(after(ctx)))));
        app.get(BASE + "/codes", ctx -> {
            String code = ctx.queryParam("code");
            if (code == null || code.isEmpty()) {
                throw ApiException.badRequest("code", "query parameter required");
            }
            ctx.json(live(() -> platform.codeStatus(code)));
        });
    }

    /**
     * From the pool at once; when it has no codes for the product, one round of the pool keeper
     * (codes from the platform) and the pool again, else PENDING_AUDIT until codes arrive.
     */
    private CodeRequest request(String stationId, NewCodeRequest r) {
        var product = r.productId() == null ? null : master.product(r.productId())
                .orElseThrow(() -> ApiException.notFound("product " + r.productId()));
        String scheme = r.scheme() != null || product == null ? r.scheme() : product.scheme();
        CodeRequest made = pool.request(stationId, new NewCodeRequest(r.productId(), r.quantity(), scheme));
        if (made.status() == CodeRequestStatus.PENDING_AUDIT) {
            keeper.runSoon(java.time.Duration.ofSeconds(20));
            made = pool.codeRequest(stationId, made.id());
        }
        return made;
    }

    private void authenticate(Context ctx) {
        String token = Tokens.bearer(ctx);
        String station = stations.stationOfToken(token).orElse(null);
        if (station == null) {
            throw new ApiException(401, token == null ? "Authorization: Bearer <station token> required"
                    : "unknown station token: register the station at the site", List.of(new FieldProblem("Authorization",
                    token == null ? "missing" : "unknown token")));
        }
        ctx.attribute(STATION, station);
    }

    private static String station(Context ctx) {
        return ctx.attribute(STATION);
    }

    private static RangeStatus status(Context ctx) {
        String status = ctx.queryParam("status");
        try {
            return status == null ? null : RangeStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("status", "'" + status + "' is not ACTIVATED, ACCEPTED or REFUSED");
        }
    }

    private static long after(Context ctx) {
        String text = ctx.queryParam("after");
        try {
            long after = text == null ? 0 : Long.parseLong(text);
            if (after >= 0) {
                return after;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.badRequest("after", "'" + text + "' is not a whole number from 0");
    }

    /** A call the site passes on to the platform: its outage is a 503 naming the platform. */
    private static <T> T live(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (PlatformException e) {
            int status = e.kind() == PlatformException.Kind.REFUSED && e.status() > 0 ? e.status() : 503;
            throw new ApiException(status, "the site asked " + e.getMessage(), e.problems());
        }
    }
}

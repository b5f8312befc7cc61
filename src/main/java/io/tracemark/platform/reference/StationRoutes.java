package io.tracemark.platform.reference;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tracemark.platform.wire.CodeRange;
import io.tracemark.platform.wire.CodeReturn;
import io.tracemark.platform.wire.DailyQuantity;
import io.tracemark.platform.wire.EventBatch;
import io.tracemark.platform.wire.NewCodeRequest;
import io.tracemark.platform.wire.Product;
import io.tracemark.platform.wire.RangeAck;
import io.tracemark.platform.wire.RangeStatus;
import io.tracemark.platform.wire.ScanAlert;
import java.util.List;

/** The station side of the contract, {@code /api/platform/v1}, behind a station bearer token. */
final class StationRoutes {

    static final String BASE = "/api/platform/v1";
    private static final String PRODUCER = "producerId";

    private final MasterData master;
    private final CodeIssuer issuer;
    private final EventIntake intake;
    private final ScanCounter scans;

    StationRoutes(MasterData master, CodeIssuer issuer, EventIntake intake, ScanCounter scans) {
        this.master = master;
        this.issuer = issuer;
        this.intake = intake;
        this.scans = scans;
    }

    void register(Javalin app) {
        app.before(BASE + "/*", this::authenticate);
        app.get(BASE + "/producers", ctx -> ctx.json(List.of(master.withConfirmation(
                master.producer(producer(ctx)).orElseThrow()))));
        app.get(BASE + "/products", ctx -> ctx.json(master.productsOf(producer(ctx))));
        app.get(BASE + "/products/{id}", ctx -> ctx.json(product(ctx, ctx.pathParam("id"))));
        app.post(BASE + "/code-requests", ctx -> ctx.status(201)
                .json(issuer.request(producer(ctx), JsonBody.read(ctx, NewCodeRequest.class))));
        app.get(BASE + "/code-requests/{id}", ctx -> {
            var r = issuer.codeRequest(ctx.pathParam("id"));
            product(ctx, r.productId());
            ctx.json(r);
        });
        app.get(BASE + "/ranges", this::ranges);
        app.get(BASE + "/ranges/{id}", ctx -> ctx.json(issuer.range(producer(ctx), ctx.pathParam("id"))));
        app.post(BASE + "/ranges/{id}/ack", ctx -> ctx.json(issuer.acknowledge(producer(ctx), ctx.pathParam("id"),
                JsonBody.read(ctx, RangeAck.class))));
        app.post(BASE + "/events", ctx -> ctx.json(intake.accept(producer(ctx), JsonBody.read(ctx, EventBatch.class))));
        app.post(BASE + "/daily-quantities", ctx -> ctx.json(intake.daily(producer(ctx),
                JsonBody.read(ctx, DailyQuantity.class), master)));
        app.post(BASE + "/returns", ctx -> ctx.json(issuer.returnCodes(producer(ctx), JsonBody.read(ctx, CodeReturn.class))));
        app.get(BASE + "/scan-alerts", ctx -> ctx.json(scans.alertsOf(producer(ctx),
                number(ctx, "after", 0, 0, Long.MAX_VALUE), (int) number(ctx, "limit", ScanAlert.MAX_PAGE, 1, ScanAlert.MAX_PAGE))));
        app.get(BASE + "/codes", ctx -> {
            String code = ctx.queryParam("code");
            if (code == null || code.isEmpty()) {
                throw ApiException.badRequest("code", "query parameter required");
            }
            ctx.json(intake.status(producer(ctx), code).orElseThrow(() -> ApiException.notFound("code " + code)));
        });
    }

    private void authenticate(Context ctx) {
        String path = ctx.path();
        if (path.startsWith(BASE + "/admin") || path.equals(BASE + "/openapi.yaml")) {
            return;
        }
        String token = Tokens.bearer(ctx);
        String producerId = token == null ? null : master.producerOfToken(token).orElse(null);
        if (producerId == null) {
            throw new ApiException(401, token == null ? "Authorization: Bearer <station token> required"
                    : "unknown station token", List.of(new io.tracemark.platform.wire.FieldProblem("Authorization",
                    token == null ? "missing" : "unknown token")));
        }
        ctx.attribute(PRODUCER, producerId);
    }

    private void ranges(Context ctx) {
        String status = ctx.queryParam("status");
        RangeStatus st;
        try {
            st = status == null ? null : RangeStatus.valueOf(status);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("status", "'" + status + "' is not ACTIVATED, ACCEPTED or REFUSED");
        }
        List<CodeRange> ranges = issuer.ranges(producer(ctx), st, ctx.queryParam("productId"));
        ctx.json(ranges);
    }

    private static long number(Context ctx, String name, long absent, long min, long max) {
        String text = ctx.queryParam(name);
        if (text == null) {
            return absent;
        }
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw ApiException.badRequest(name, "'" + text + "' is not a whole number from " + min + " to " + max);
    }

    private Product product(Context ctx, String id) {
        return master.product(id).filter(p -> p.producerId().equals(producer(ctx)))
                .orElseThrow(() -> ApiException.notFound("product " + id));
    }

    private static String producer(Context ctx) {
        return ctx.attribute(PRODUCER);
    }
}

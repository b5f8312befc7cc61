package io.tracemark.platform.reference;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tracemark.platform.wire.CodeRequestStatus;
import io.tracemark.platform.wire.FieldProblem;
import io.tracemark.platform.wire.Producer;
import io.tracemark.platform.wire.Product;
import io.tracemark.platform.wire.RangeStatus;
import java.util.List;
import java.util.Map;

/**
 * The platform operator's endpoints ({@code /api/platform/v1/admin}): master data, manual audit of
 * code requests, station tokens, refused ranges and their reasons, recalls shown on the public page.
 */
final class AdminRoutes {

    private static final String ADMIN = StationRoutes.BASE + "/admin";

    /** Body of {@code POST /admin/code-requests/{id}/audit}. */
    record Audit(boolean approve, String auditor, String reason) {
    }

    /** Body of {@code POST /admin/stations}. */
    record NewStation(String producerId, String name) {
    }

    private final String adminToken;
    private final MasterData master;
    private final CodeIssuer issuer;
    private final EventIntake intake;
    private final ScanCounter scans;
    private final Recalls recalls;

    AdminRoutes(String adminToken, MasterData master, CodeIssuer issuer, EventIntake intake, ScanCounter scans,
                Recalls recalls) {
        this.recalls = recalls;
        this.adminToken = adminToken;
        this.master = master;
        this.issuer = issuer;
        this.intake = intake;
        this.scans = scans;
    }

    void register(Javalin app) {
        app.before(ADMIN + "/*", this::authenticate);
        app.put(ADMIN + "/producers/{id}", ctx -> {
            Producer p = JsonBody.read(ctx, Producer.class);
            sameId(ctx, p.id());
            master.putProducer(p);
            ctx.json(master.withConfirmation(master.producer(p.id()).orElseThrow()));
        });
        app.put(ADMIN + "/products/{id}", ctx -> {
            Product p = JsonBody.read(ctx, Product.class);
            sameId(ctx, p.id());
            master.putProduct(p);
            ctx.json(Map.of("product", p, "missingForActivation", master.missingForActivation(p)));
        });
        app.get(ADMIN + "/products/{id}/serials", ctx -> ctx.json(issuer.serials(ctx.pathParam("id"))));
        app.put(ADMIN + "/products/{id}/serials", ctx -> {
            if (master.product(ctx.pathParam("id")).isEmpty()) {
                throw ApiException.notFound("product " + ctx.pathParam("id"));
            }
            ctx.json(issuer.setSerials(ctx.pathParam("id"), JsonBody.read(ctx, SerialSettings.class)));
        });
        app.get(ADMIN + "/scan-alerts", ctx -> ctx.json(scans.alerts()));
        app.post(ADMIN + "/recalls", ctx -> ctx.status(201).json(recalls.announce(JsonBody.read(ctx, Recalls.Recall.class))));
        app.get(ADMIN + "/recalls", ctx -> ctx.json(recalls.all()));
        app.post(ADMIN + "/uscc-confirmations", ctx -> {
            MasterData.NewUsccConfirmation c = JsonBody.read(ctx, MasterData.NewUsccConfirmation.class);
            ctx.status(201).json(master.confirmUscc(c.uscc(), c.confirmedBy()));
        });
        app.get(ADMIN + "/uscc-confirmations/{uscc}", ctx -> ctx.json(master.usccConfirmation(ctx.pathParam("uscc"))
                .orElseThrow(() -> ApiException.notFound("confirmation of USCC " + ctx.pathParam("uscc")))));
        app.post(ADMIN + "/stations", ctx -> {
            NewStation s = JsonBody.read(ctx, NewStation.class);
            ctx.status(201).json(Map.of("token", master.addStation(s.producerId(), s.name())));
        });
        app.get(ADMIN + "/code-requests", ctx -> ctx.json(issuer.requests(status(ctx.queryParam("status")))));
        app.post(ADMIN + "/code-requests/{id}/audit", ctx -> {
            Audit a = JsonBody.read(ctx, Audit.class);
            if (a.auditor() == null || a.auditor().isBlank()) {
                throw ApiException.badRequest("auditor", "the auditing person's name is required");
            }
            ctx.json(issuer.audit(ctx.pathParam("id"), a.approve(), a.auditor(), a.reason()));
        });
        app.get(ADMIN + "/ranges", ctx -> ctx.json(issuer.ranges(null, rangeStatus(ctx.queryParam("status")), null)));
        app.get(ADMIN + "/summary", ctx -> ctx.json(Map.of("events", intake.eventCount())));
    }

    private void authenticate(Context ctx) {
        if (!adminToken.equals(Tokens.bearer(ctx))) {
            throw new ApiException(401, "admin token required", List.of(new FieldProblem("Authorization", "not the admin token")));
        }
    }

    private static void sameId(Context ctx, String bodyId) {
        if (!ctx.pathParam("id").equals(bodyId)) {
            throw ApiException.badRequest("id", "body id '" + bodyId + "' differs from path id '" + ctx.pathParam("id") + "'");
        }
    }

    private static CodeRequestStatus status(String s) {
        try {
            return s == null ? null : CodeRequestStatus.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("status", "'" + s + "' is not PENDING_AUDIT, ACTIVATED or REFUSED");
        }
    }

    private static RangeStatus rangeStatus(String s) {
        try {
            return s == null ? null : RangeStatus.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("status", "'" + s + "' is not ACTIVATED, ACCEPTED or REFUSED");
        }
    }
}

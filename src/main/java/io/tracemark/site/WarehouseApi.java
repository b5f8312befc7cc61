package io.tracemark.site;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tracemark.core.InvalidInputException;
import io.tracemark.pack.Buyer;
import io.tracemark.platform.reference.ApiException;
import io.tracemark.platform.reference.JsonBody;
import io.tracemark.platform.wire.FieldProblem;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The site's palletiser, shipping and recall under {@code /api/site/v1/warehouse} (documented in
 * {@code docs/site-api.yaml}), behind the site's admin token. Every change names its {@code user}
 * (kept in the site's audit trail).
 */
final class WarehouseApi {

    static final String BASE = SiteApi.BASE + "/warehouse";

    private final SitePallets pallets;
    private final SiteShipping shipping;
    private final SiteRecall recall;

    WarehouseApi(SitePallets pallets, SiteShipping shipping, SiteRecall recall) {
        this.pallets = pallets;
        this.shipping = shipping;
        this.recall = recall;
    }

    void register(Javalin app, io.javalin.http.Handler admin) {
        app.before(BASE + "/*", admin);
        app.post(BASE + "/pallets", ctx -> ctx.status(201).json(pallets.create(user(body(ctx)))));
        app.get(BASE + "/pallets/{sscc}", ctx -> ctx.json(pallets.pallet(ctx.pathParam("sscc"))
                .orElseThrow(() -> ApiException.notFound("pallet " + ctx.pathParam("sscc")))));
        app.post(BASE + "/pallets/{sscc}/cases", ctx -> {
            Map<String, Object> body = body(ctx);
            ctx.json(pallets.put(ctx.pathParam("sscc"), required(body, "case"), user(body)));
        });
        app.post(BASE + "/pallets/{sscc}/close", ctx -> ctx.json(pallets.close(ctx.pathParam("sscc"), user(body(ctx)))));
        app.get(BASE + "/cases/{sscc}", ctx -> ctx.json(pallets.siteCase(ctx.pathParam("sscc"))
                .orElseThrow(() -> ApiException.notFound("case " + ctx.pathParam("sscc")))));
        app.post(BASE + "/shipments", this::createShipment);
        app.get(BASE + "/shipments/{order}", ctx -> ctx.json(shipping.shipment(ctx.pathParam("order"))
                .orElseThrow(() -> ApiException.notFound("shipment " + ctx.pathParam("order")))));
        app.post(BASE + "/shipments/{order}/items", ctx -> {
            Map<String, Object> body = body(ctx);
            ctx.json(shipping.dispatch(ctx.pathParam("order"), required(body, "sscc"), user(body)));
        });
        app.post(BASE + "/shipments/{order}/close", ctx -> ctx.json(shipping.close(ctx.pathParam("order"),
                user(body(ctx)))));
        app.get(BASE + "/recall", ctx -> ctx.json(recall.recall(ctx.queryParam("batch"), ctx.queryParam("code"),
                ctx.queryParam("sscc"))));
    }

    private void createShipment(Context ctx) {
        Map<String, Object> body = body(ctx);
        List<FieldProblem> problems = new ArrayList<>();
        String order = text(body, "orderNumber");
        if (order == null) {
            problems.add(new FieldProblem("orderNumber", "required"));
        }
        Instant sale = null;
        String saleText = text(body, "saleTime");
        try {
            sale = saleText == null ? null : Instant.parse(saleText);
        } catch (DateTimeParseException e) {
            problems.add(new FieldProblem("saleTime", "'" + saleText + "' is not an ISO-8601 instant (2026-12-02T10:00:00Z)"));
        }
        if (saleText == null) {
            problems.add(new FieldProblem("saleTime", "required (ISO-8601 instant)"));
        }
        String user = text(body, "user");
        if (user == null) {
            problems.add(new FieldProblem("user", "required: who makes the change"));
        }
        Buyer buyer = null;
        Object b = body.get("buyer");
        Map<?, ?> m = b instanceof Map<?, ?> map ? map : Map.of();
        try {
            buyer = new Buyer(text(m, "name"), text(m, "address"), text(m, "contact"));
        } catch (InvalidInputException e) {
            e.problems().forEach(p -> problems.add(new FieldProblem(p.where(), p.message())));
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("shipment not created, nothing stored", problems);
        }
        ctx.status(201).json(shipping.create(order, buyer, sale, user));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> body(Context ctx) {
        if (ctx.body().isBlank()) {
            throw ApiException.badRequest("body", "a JSON object is required (at least {\"user\": \"…\"})");
        }
        return JsonBody.read(ctx, Map.class);
    }

    private static String user(Map<String, Object> body) {
        return required(body, "user");
    }

    private static String required(Map<String, Object> body, String field) {
        String value = text(body, field);
        if (value == null) {
            throw ApiException.badRequest(field, "required");
        }
        return value;
    }

    private static String text(Map<?, ?> body, String field) {
        Object v = body.get(field);
        return v == null || String.valueOf(v).isBlank() ? null : String.valueOf(v).strip();
    }
}

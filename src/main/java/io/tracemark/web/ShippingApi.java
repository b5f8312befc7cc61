package io.tracemark.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.pack.Buyer;
import io.tracemark.pack.Shipment;
import io.tracemark.pack.Shipping;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Shipments at the panel (guideline 5.3.3.4 flow information): a supervisor opens a shipment for an order with
 * the buyer (name, address, contact) and the sale time; pallets, cases or loose units are scanned into it (an
 * operator may scan); a supervisor corrects it (with a reason) and closes it, when the goods leave. The buyer's
 * contact is confidential (guideline 7.1.4): a supervisor or admin sees it, an operator sees it masked. A rule's
 * refusal is 409 with {@code key} {@code pack.<RULE>} and its params. Without shipping every route answers 404.
 */
final class ShippingApi {

    private static final int MAX_TEXT = 200;

    private final Supplier<PackingDesk> desk;

    ShippingApi(Supplier<PackingDesk> desk) {
        this.desk = desk;
    }

    List<PanelServer.Route> routes() {
        Role op = Role.OPERATOR;
        Role sup = Role.SUPERVISOR;
        HandlerType get = HandlerType.GET;
        HandlerType post = HandlerType.POST;
        return List.of(
                new PanelServer.Route(get, "/shipments", op, false, this::open),
                new PanelServer.Route(post, "/shipments", sup, false, this::create),
                new PanelServer.Route(get, "/shipments/{order}", op, false, this::shipment),
                new PanelServer.Route(post, "/shipments/{order}/items", op, false, this::dispatch),
                new PanelServer.Route(post, "/shipments/{order}/remove", sup, false, this::remove),
                new PanelServer.Route(post, "/shipments/{order}/close", sup, false, this::close));
    }

    private Shipping shipping() {
        return desk.get().shipping().orElseThrow(() -> new NotFoundException("shipments (this station has no shipping)"));
    }

    /** GET /shipments: the open shipments. */
    void open(Context ctx) {
        boolean contact = seesContact(ctx);
        ctx.json(shipping().openShipments().stream().map(s -> json(s, contact)).toList());
    }

    /** POST /shipments {orderNumber, buyer: {name, address, contact}, saleTime?}. */
    void create(Context ctx) {
        JsonNode body = Bodies.object(ctx);
        String order = Bodies.text(body, "orderNumber");
        JsonNode b = body.get("buyer");
        if (order == null || order.length() > 40 || b == null || !b.isObject()) {
            throw new InvalidInputException("shipment", List.of(new Problem(order == null || order.length() > 40
                    ? "orderNumber" : "buyer", "required (at most " + (order == null || order.length() > 40 ? 40 : MAX_TEXT)
                    + " characters)")));
        }
        Buyer buyer = new Buyer(limited(b, "name"), limited(b, "address"), limited(b, "contact"));
        Instant saleTime = saleTime(Bodies.text(body, "saleTime"));
        PackingApi.refusing(ctx, () -> json(shipping().create(order, buyer, saleTime, LineApi.actor(ctx)), seesContact(ctx)));
        if (ctx.statusCode() == 200) {
            ctx.status(201);
        }
    }

    /** GET /shipments/{order}: the shipment and what it holds. */
    void shipment(Context ctx) {
        String order = ctx.pathParam("order");
        Shipment s = shipping().shipment(order).orElseThrow(() -> new NotFoundException("shipment " + order));
        Map<String, Object> body = json(s, seesContact(ctx));
        body.put("contents", shipping().items(order));
        ctx.json(body);
    }

    /** POST /shipments/{order}/items {code}: a pallet, a case or a loose unit scanned at dispatch. */
    void dispatch(Context ctx) {
        String code = PackingApi.required(ctx, "code");
        PackingApi.refusing(ctx, () -> json(shipping().dispatch(ctx.pathParam("order"), code, LineApi.actor(ctx)),
                seesContact(ctx)));
    }

    /** POST /shipments/{order}/remove {code, reason}: a correction before the shipment closes. */
    void remove(Context ctx) {
        String code = PackingApi.required(ctx, "code");
        String reason = PackingApi.reason(ctx, true);
        PackingApi.refusing(ctx, () -> json(shipping().remove(ctx.pathParam("order"), code, LineApi.actor(ctx), reason),
                seesContact(ctx)));
    }

    /** POST /shipments/{order}/close: the goods have left; the platform's SHIPPED events are due. */
    void close(Context ctx) {
        PackingApi.refusing(ctx, () -> json(shipping().close(ctx.pathParam("order"), LineApi.actor(ctx)), seesContact(ctx)));
    }

    /** Supervisors and admins need the buyer's contact (to arrange the delivery); operators do not (7.1.4). */
    private static boolean seesContact(Context ctx) {
        return Gate.principal(ctx).role().covers(Role.SUPERVISOR);
    }

    private static String limited(JsonNode buyer, String field) {
        String value = Bodies.text(buyer, field);
        if (value != null && value.length() > MAX_TEXT) {
            throw new InvalidInputException("shipment", List.of(new Problem("buyer." + field,
                    "required (at most " + MAX_TEXT + " characters)")));
        }
        return value;
    }

    private static Instant saleTime(String text) {
        if (text == null) {
            return Instant.now();
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("shipment", List.of(new Problem("saleTime",
                    "not an ISO-8601 UTC time (e.g. 2026-12-02T08:00:00Z): '" + text + "'")));
        }
    }

    static Map<String, Object> json(Shipment s, boolean withContact) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("orderNumber", s.orderNumber());
        m.put("state", s.state());
        m.put("saleTime", s.saleTime().toString());
        Map<String, Object> buyer = new LinkedHashMap<>();
        buyer.put("name", s.buyer().name());
        buyer.put("address", s.buyer().address());
        buyer.put("contact", withContact ? s.buyer().contact() : s.buyer().maskedContact());
        buyer.put("contactMasked", !withContact);
        m.put("buyer", buyer);
        m.put("items", s.items());
        m.put("units", s.units());
        m.put("closedAt", s.closedAt().map(Instant::toString).orElse(null));
        return m;
    }
}

package io.tracemark.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.pack.CasePacking;
import io.tracemark.pack.PackRefusedException;
import io.tracemark.pack.Parent;
import io.tracemark.pack.ParentKind;
import io.tracemark.pack.Sscc;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Packing at the panel (DESIGN.md section 6): a person opens a case, scans its units with a hand scanner (a
 * USB keyboard wedge typing into the page's focused field), closes it (a partial case by a supervisor, with
 * a reason) and puts cases on pallets; a supervisor closes the inline station's partial case at batch end.
 * A rule's refusal is 409 with {@code key} {@code pack.<RULE>} and a message naming the code and the parent.
 * Without packing at the station every route answers 404.
 */
final class PackingApi {

    private static final int MAX_REASON = 200;
    private static final Duration INLINE_WAIT = Duration.ofSeconds(30);

    private volatile PackingDesk desk;

    void use(PackingDesk packing) {
        this.desk = packing;
    }

    List<PanelServer.Route> routes() {
        Role op = Role.OPERATOR;
        Role sup = Role.SUPERVISOR;
        HandlerType get = HandlerType.GET;
        HandlerType post = HandlerType.POST;
        return List.of(
                new PanelServer.Route(get, "/packing", op, false, this::overview),
                new PanelServer.Route(post, "/packing/cases", op, false, this::openCase),
                new PanelServer.Route(post, "/packing/cases/{code}/units", op, false, this::packUnit),
                new PanelServer.Route(post, "/packing/cases/{code}/close", op, false, this::close),
                new PanelServer.Route(post, "/packing/pallets", op, false, this::openPallet),
                new PanelServer.Route(post, "/packing/pallets/{code}/cases", op, false, this::putCase),
                new PanelServer.Route(post, "/packing/pallets/{code}/close", op, false, this::close),
                new PanelServer.Route(get, "/packing/parents/{code}", op, false, this::parent),
                new PanelServer.Route(post, "/packing/parents/{code}/unpack", sup, false, this::unpack),
                new PanelServer.Route(post, "/packing/station/close-partial", sup, false, this::closeInlinePartial));
    }

    PackingDesk desk() {
        PackingDesk d = desk;
        if (d == null) {
            throw new NotFoundException("packing (this station has no packing)");
        }
        return d;
    }

    /** GET /packing: open cases and pallets, and the inline station's counts. */
    void overview(Context ctx) {
        PackingDesk d = desk();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caseSize", d.caseSize());
        body.put("openCases", d.packs().openParents(ParentKind.CASE).stream().map(PackingApi::json).toList());
        body.put("openPallets", d.packs().openParents(ParentKind.PALLET).stream().map(PackingApi::json).toList());
        body.put("inline", d.inline().map(CasePacking::counts).map(PackingApi::json).orElse(null));
        ctx.json(body);
    }

    /** POST /packing/cases {capacity?}. */
    void openCase(Context ctx) {
        int capacity = capacity(ctx, desk().caseSize());
        ctx.status(201).json(json(desk().packs().openCase(capacity, null, null, false, LineApi.actor(ctx))));
    }

    /** POST /packing/pallets {capacity}. */
    void openPallet(Context ctx) {
        int capacity = capacity(ctx, 40);
        ctx.status(201).json(json(desk().packs().openPallet(capacity, LineApi.actor(ctx))));
    }

    /** POST /packing/cases/{code}/units {code}: one unit scanned into the case. */
    void packUnit(Context ctx) {
        String code = required(ctx, "code");
        refusing(ctx, () -> json(desk().packs().pack(sscc(ctx), code, LineApi.actor(ctx))));
    }

    /** POST /packing/pallets/{code}/cases {code}. */
    void putCase(Context ctx) {
        Sscc box = parse(required(ctx, "sscc"), "sscc");
        refusing(ctx, () -> json(desk().packs().putOnPallet(sscc(ctx), box, LineApi.actor(ctx))));
    }

    /** POST …/{code}/close {reason?}: a partial parent only by a supervisor, with a reason. */
    void close(Context ctx) {
        Sscc sscc = sscc(ctx);
        String reason = reason(ctx, false);
        Parent parent = desk().packs().parent(sscc).orElseThrow(() -> new NotFoundException("SSCC " + sscc));
        if (!parent.full() && !Gate.principal(ctx).role().covers(Role.SUPERVISOR)) {
            throw AccessRefusedException.forbidden("role", "closing a partial " + parent.kind().name().toLowerCase()
                    + " (" + parent.children() + " of " + parent.capacity() + ") needs a supervisor");
        }
        refusing(ctx, () -> json(desk().packs().close(sscc, LineApi.actor(ctx), reason)));
    }

    /** GET /packing/parents/{code}: the parent and what it holds. */
    void parent(Context ctx) {
        Sscc sscc = sscc(ctx);
        Parent parent = desk().packs().parent(sscc).orElseThrow(() -> new NotFoundException("SSCC " + sscc));
        Map<String, Object> body = json(parent);
        body.put("contents", parent.kind() == ParentKind.CASE ? desk().packs().codesIn(sscc)
                : desk().packs().casesOn(sscc).stream().map(p -> p.sscc().digits()).toList());
        ctx.json(body);
    }

    /** POST /packing/parents/{code}/unpack {reason}. */
    void unpack(Context ctx) {
        String reason = reason(ctx, true);
        refusing(ctx, () -> json(desk().packs().unpack(sscc(ctx), LineApi.actor(ctx), reason)));
    }

    /** POST /packing/station/close-partial {reason}: the inline station's partial case (and pallet). */
    void closeInlinePartial(Context ctx) {
        String reason = reason(ctx, true);
        CasePacking inline = desk().inline().orElseThrow(() -> new NotFoundException("inline packing station"));
        refusing(ctx, () -> json(inline.closePartial(LineApi.actor(ctx), reason, true, INLINE_WAIT)));
    }

    /** Answers what {@code work} gives, or 409 with the rule's key ({@code pack.<RULE>}), its params and message. */
    static void refusing(Context ctx, java.util.function.Supplier<Object> work) {
        try {
            ctx.json(work.get());
        } catch (PackRefusedException e) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("error", e.getMessage());
            body.put("key", "pack." + e.refusal());
            body.put("params", new java.util.TreeMap<>(e.params()));
            ctx.status(409).json(body);
        }
    }

    private static Sscc sscc(Context ctx) {
        return parse(ctx.pathParam("code"), "sscc");
    }

    private static Sscc parse(String text, String field) {
        try {
            return Sscc.parse(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("SSCC", List.of(new Problem(field, e.getMessage())));
        }
    }

    static String required(Context ctx, String field) {
        String value = Bodies.text(Bodies.object(ctx), field);
        if (value == null) {
            throw new InvalidInputException("packing", List.of(new Problem(field, "required")));
        }
        return value;
    }

    static String reason(Context ctx, boolean required) {
        String reason = Bodies.text(Bodies.object(ctx), "reason");
        if ((required && reason == null) || (reason != null && reason.length() > MAX_REASON)) {
            throw new InvalidInputException("packing", List.of(new Problem("reason",
                    "a reason is required (at most " + MAX_REASON + " characters)")));
        }
        return reason;
    }

    private static int capacity(Context ctx, int fallback) {
        var node = Bodies.object(ctx).get("capacity");
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.canConvertToInt() || node.asInt() < 1 || node.asInt() > 10_000) {
            throw new InvalidInputException("packing", List.of(new Problem("capacity", "must be 1-10000, was " + node)));
        }
        return node.asInt();
    }

    private static Map<String, Object> json(Parent p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sscc", p.sscc().digits());
        m.put("elementString", p.sscc().elementString());
        m.put("kind", p.kind().name().toLowerCase());
        m.put("state", p.state().name());
        m.put("children", p.children());
        m.put("capacity", p.capacity());
        m.put("job", p.jobId().orElse(null));
        m.put("product", p.productId().orElse(null));
        m.put("pallet", p.palletSscc().map(Sscc::digits).orElse(null));
        m.put("label", p.labelState().orElse(null));
        return m;
    }

    private static Map<String, Object> json(CasePacking.Counts c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("reads", c.reads());
        m.put("packed", c.packed());
        m.put("refused", c.refused());
        m.put("waiting", c.waiting());
        m.put("cases", c.casesClosed());
        m.put("pallets", c.palletsClosed());
        m.put("labelsVerified", c.labelsVerified());
        m.put("labelsRejected", c.labelsRejected());
        m.put("lastRefusal", c.lastRefusal().orElse(null));
        m.put("openCase", c.openCase().map(Sscc::digits).orElse(null));
        m.put("openPallet", c.openPallet().map(Sscc::digits).orElse(null));
        return m;
    }
}

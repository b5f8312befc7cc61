package io.tracemark.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tracemark.pack.CombinedUnit;
import io.tracemark.pack.ComponentLinks;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The 组合多码 component scan at the panel (guideline 5.2.2): a person scans a product unit's code with a hand
 * scanner (a keyboard wedge), then each component's code (frame, battery, charger); the station links each to
 * its role or says which rule refused it (409, {@code key} {@code pack.<RULE>} with its params, nothing changed).
 * A supervisor unlinks or replaces a component, with a reason. Without component links every route answers 404.
 */
final class ComponentApi {

    private final Supplier<PackingDesk> desk;

    ComponentApi(Supplier<PackingDesk> desk) {
        this.desk = desk;
    }

    List<PanelServer.Route> routes() {
        Role op = Role.OPERATOR;
        Role sup = Role.SUPERVISOR;
        return List.of(
                new PanelServer.Route(HandlerType.GET, "/components/units/{code}", op, false, this::unit),
                new PanelServer.Route(HandlerType.POST, "/components/units/{code}/links", op, false, this::link),
                new PanelServer.Route(HandlerType.POST, "/components/units/{code}/unlink", sup, false, this::unlink),
                new PanelServer.Route(HandlerType.POST, "/components/units/{code}/replace", sup, false, this::replace));
    }

    private ComponentLinks links() {
        return desk.get().components().orElseThrow(() -> new NotFoundException(
                "component links (this station has no component scan)"));
    }

    /** GET /components/units/{code}: the product unit's roles and the component each holds. */
    void unit(Context ctx) {
        PackingApi.refusing(ctx, () -> json(links().unit(ctx.pathParam("code"))));
    }

    /** POST /components/units/{code}/links {code, role?}: one component scanned. */
    void link(Context ctx) {
        String component = PackingApi.required(ctx, "code");
        Optional<String> role = Optional.ofNullable(Bodies.text(Bodies.object(ctx), "role"));
        PackingApi.refusing(ctx, () -> json(links().link(ctx.pathParam("code"), component, role, LineApi.actor(ctx))));
    }

    /** POST /components/units/{code}/unlink {role, reason}. */
    void unlink(Context ctx) {
        String role = PackingApi.required(ctx, "role");
        String reason = PackingApi.reason(ctx, true);
        PackingApi.refusing(ctx, () -> json(links().unlink(ctx.pathParam("code"), role, LineApi.actor(ctx), reason)));
    }

    /** POST /components/units/{code}/replace {role, code, reason}. */
    void replace(Context ctx) {
        String role = PackingApi.required(ctx, "role");
        String component = PackingApi.required(ctx, "code");
        String reason = PackingApi.reason(ctx, true);
        PackingApi.refusing(ctx, () -> json(links().replace(ctx.pathParam("code"), role, component, LineApi.actor(ctx), reason)));
    }

    static Map<String, Object> json(CombinedUnit u) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("code", u.code());
        m.put("job", u.jobId());
        m.put("product", u.productId());
        m.put("linked", u.linked());
        m.put("roles", u.slots().size());
        m.put("complete", u.complete());
        m.put("components", u.slots().stream().map(s -> {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("role", s.role().role());
            c.put("name", s.role().name());
            c.put("scheme", s.role().scheme().orElse(null));
            c.put("product", s.role().productId().orElse(null));
            c.put("code", s.component().orElse(null));
            return c;
        }).toList());
        return m;
    }
}

package io.tracemark.site;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tracemark.core.InvalidInputException;
import io.tracemark.platform.reference.ApiException;
import io.tracemark.platform.reference.Tokens;
import io.tracemark.platform.wire.FieldProblem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the site adds to the contract, under {@code /api/site/v1} (documented in
 * {@code docs/site-api.yaml}): the state of every line ({@code GET /status}, also the site page at
 * {@code /}), and the station registry behind the admin token ({@code POST /admin/stations}).
 */
final class SiteApi {

    static final String BASE = "/api/site/v1";

    private final String adminToken;
    private final StationRegistry stations;
    private final SiteStatus status;

    SiteApi(String adminToken, StationRegistry stations, SiteStatus status) {
        this.adminToken = adminToken;
        this.stations = stations;
        this.status = status;
    }

    void register(Javalin app) {
        app.get(BASE + "/status", ctx -> ctx.json(status.now()));
        app.get("/", ctx -> ctx.html(SitePage.render(status.now())));
        app.before(BASE + "/admin/*", this::admin);
        app.get(BASE + "/admin/stations", ctx -> ctx.json(stations.list()));
        app.post(BASE + "/admin/stations", this::registerStation);
    }

    void admin(Context ctx) {
        String token = Tokens.bearer(ctx);
        if (adminToken == null || token == null || !java.security.MessageDigest.isEqual(token.getBytes(
                java.nio.charset.StandardCharsets.UTF_8), adminToken.getBytes(java.nio.charset.StandardCharsets.UTF_8))) {
            throw new ApiException(401, adminToken == null ? "the site's admin API is off (no site.adminToken)"
                    : "Authorization: Bearer <site admin token> required", List.of(new FieldProblem("Authorization",
                    token == null ? "missing" : "not the site's admin token")));
        }
    }

    private void registerStation(Context ctx) {
        @SuppressWarnings("unchecked")
        Map<String, Object> body = io.tracemark.platform.reference.JsonBody.read(ctx, Map.class);
        String id = body.get("id") == null ? null : String.valueOf(body.get("id"));
        String name = body.get("name") == null ? id : String.valueOf(body.get("name"));
        String token;
        try {
            token = stations.registerWithNewToken(id, name);
        } catch (InvalidInputException e) {
            throw ApiException.badRequest("station not registered", e.problems().stream()
                    .map(p -> new FieldProblem(p.where(), p.message())).toList());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("name", name);
        out.put("token", token);
        ctx.status(201).json(out);
    }
}

package io.tracemark.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.tracemark.line.JobSetupOptions;
import io.tracemark.line.LineControl;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Users, API tokens and devices (admin). */
final class AdminApi {

    private final UserAccounts accounts;
    private final SessionRegistry sessions;
    private final AuditTrail audit;
    private final LineControl line;
    private final List<DeviceInfo> devices;

    AdminApi(UserAccounts accounts, SessionRegistry sessions, AuditTrail audit, LineControl line,
             List<DeviceInfo> devices) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
        this.line = line;
        this.devices = devices;
    }

    void users(Context ctx) {
        ctx.json(accounts.users().stream().map(PanelJson::user).toList());
    }

    /** POST /users {id, name, role, pin}. */
    void createUser(Context ctx) {
        JsonNode body = Bodies.object(ctx);
        UserAccount user = accounts.create(Bodies.text(body, "id"), Bodies.text(body, "name"),
                Bodies.text(body, "role"), Bodies.text(body, "pin"));
        audit.record(LineApi.actor(ctx), "user.create", user.id() + " (" + user.name() + ") as " + user.role().key());
        ctx.status(201).json(PanelJson.user(user));
    }

    void disable(Context ctx) {
        setEnabled(ctx, false);
    }

    void enable(Context ctx) {
        setEnabled(ctx, true);
    }

    /** POST /users/{id}/pin {pin}. */
    void resetPin(Context ctx) {
        String id = ctx.pathParam("id");
        UserAccount user = accounts.resetPin(id, Bodies.text(Bodies.object(ctx), "pin"));
        sessions.removeUser(id);
        audit.record(LineApi.actor(ctx), "user.pin", "PIN of " + id + " reset");
        ctx.json(PanelJson.user(user));
    }

    void tokens(Context ctx) {
        ctx.json(accounts.tokens().stream().map(PanelJson::token).toList());
    }

    /** POST /tokens {name, role}: the secret is in this answer only. */
    void createToken(Context ctx) {
        JsonNode body = Bodies.object(ctx);
        UserAccounts.IssuedToken issued = accounts.createToken(Bodies.text(body, "name"), Bodies.text(body, "role"));
        audit.record(LineApi.actor(ctx), "token.create", issued.token().name() + " as " + issued.token().role().key());
        Map<String, Object> out = new LinkedHashMap<>(PanelJson.token(issued.token()));
        out.put("secret", issued.secret());
        ctx.status(201).json(out);
    }

    void revokeToken(Context ctx) {
        ApiToken token = accounts.revokeToken(ctx.pathParam("id"));
        audit.record(LineApi.actor(ctx), "token.revoke", token.name());
        ctx.json(PanelJson.token(token));
    }

    /** The configured devices; without a configured list, the printers and scanners job set-up offers. */
    void devices(Context ctx) {
        if (!devices.isEmpty()) {
            ctx.json(devices);
            return;
        }
        JobSetupOptions options = line.setupOptions();
        List<DeviceInfo> listed = new ArrayList<>();
        options.printers().forEach(p -> listed.add(new DeviceInfo(p, "printer", null)));
        options.scanners().forEach(s -> listed.add(new DeviceInfo(s, "scanner", null)));
        ctx.json(listed);
    }

    private void setEnabled(Context ctx, boolean enabled) {
        String id = ctx.pathParam("id");
        UserAccount user = accounts.setEnabled(id, enabled);
        if (!enabled) {
            sessions.removeUser(id);
        }
        audit.record(LineApi.actor(ctx), enabled ? "user.enable" : "user.disable", id);
        ctx.json(PanelJson.user(user));
    }
}

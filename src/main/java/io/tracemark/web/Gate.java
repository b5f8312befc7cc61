package io.tracemark.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * Runs before every matched route: finds who is calling (bearer token or session cookie), refuses
 * cross-site state changes made with a cookie (CSRF token header and Origin check), checks the role,
 * and counts user activity for the idle sign-out.
 */
final class Gate {

    static final String SESSION_COOKIE = "tm_session";
    static final String CSRF_COOKIE = "tm_csrf";
    static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String PRINCIPAL = "tracemark.principal";
    private static final Set<HandlerType> STATE_CHANGING = Set.of(HandlerType.POST, HandlerType.PUT,
            HandlerType.PATCH, HandlerType.DELETE);

    private final UserAccounts accounts;
    private final SessionRegistry sessions;
    private final AuditTrail audit;
    private final Set<String> trustedOrigins;

    Gate(UserAccounts accounts, SessionRegistry sessions, AuditTrail audit, Set<String> trustedOrigins) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.audit = audit;
        this.trustedOrigins = trustedOrigins;
    }

    /** The caller checked by {@link #check}; only valid inside a route that needs a role. */
    static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        if (principal == null) {
            throw new IllegalStateException("no principal on " + ctx.path() + ": route has no role");
        }
        return principal;
    }

    void check(Context ctx) {
        Set<RouteRole> roles = ctx.routeRoles();
        Optional<Role> needed = roles.stream().filter(Role.class::isInstance).map(Role.class::cast).findFirst();
        if (needed.isEmpty()) {
            if (isStateChanging(ctx)) {
                checkOrigin(ctx, "anonymous");
            }
            return;
        }
        Principal principal = authenticate(ctx, !roles.contains(RouteTag.PASSIVE));
        if (!principal.viaToken() && isStateChanging(ctx)) {
            checkCsrf(ctx, principal);
        }
        if (!principal.viaToken() && !roles.contains(RouteTag.PIN_CHANGE) && sessions.find(principal.sessionId(), false)
                .map(SessionRegistry.Session::pinChangeRequired).orElse(false)) {
            throw new AccessRefusedException(403, "pin.changeRequired", principal.id() + " signed in with a PIN shorter"
                    + " than " + UserAccounts.minimumPinLength(principal.role()) + " digits and must choose a new one first",
                    0, java.util.Map.of("min", UserAccounts.minimumPinLength(principal.role())));
        }
        if (!principal.role().covers(needed.get())) {
            audit.record(principal.actor(), "access.denied", ctx.method() + " " + ctx.path()
                    + " needs " + needed.get().key() + ", has " + principal.role().key());
            throw AccessRefusedException.forbidden("role", "this needs the role " + needed.get().key()
                    + "; " + principal.actor() + " is " + principal.role().key());
        }
        ctx.attribute(PRINCIPAL, principal);
    }

    private Principal authenticate(Context ctx, boolean activity) {
        String authorization = ctx.header("Authorization");
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return accounts.verifyToken(authorization.substring(7).strip())
                    .map(t -> new Principal(t.id(), t.name(), t.role(), true, null))
                    .orElseThrow(() -> AccessRefusedException.notSignedIn("token", "unknown or revoked API token"));
        }
        String cookie = ctx.cookie(SESSION_COOKIE);
        return sessions.find(cookie, activity).map(SessionRegistry.Session::principal)
                .orElseThrow(() -> AccessRefusedException.notSignedIn(cookie == null ? "signin.required" : "session.expired",
                        cookie == null ? "sign in first" : "the session has ended; sign in again"));
    }

    private void checkCsrf(Context ctx, Principal principal) {
        checkOrigin(ctx, principal.actor());
        String expected = sessions.find(principal.sessionId(), false).map(SessionRegistry.Session::csrfToken).orElse("");
        String given = ctx.header(CSRF_HEADER);
        if (given == null || !MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8))) {
            refuseCrossSite(ctx, principal.actor(), "missing or wrong " + CSRF_HEADER + " header");
        }
    }

    /** Refuses a request whose Origin (or Referer) is another site, or that the browser marks cross-site. */
    void checkOrigin(Context ctx, String actor) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && site.equals("cross-site")) {
            refuseCrossSite(ctx, actor, "Sec-Fetch-Site: cross-site");
        }
        String origin = ctx.header("Origin");
        if (origin == null) {
            origin = originOf(ctx.header("Referer"));
        }
        if (origin == null) {
            return; // not a browser-made cross-site request; cookie requests still need the CSRF token
        }
        String host = ctx.header("Host");
        boolean same = host != null && (origin.equals("http://" + host) || origin.equals("https://" + host));
        if (!same && !trustedOrigins.contains(origin)) {
            refuseCrossSite(ctx, actor, "origin " + origin + " is not this station (" + host + ")");
        }
    }

    private void refuseCrossSite(Context ctx, String actor, String why) {
        audit.record(actor, "access.csrf", ctx.method() + " " + ctx.path() + ": " + why);
        throw AccessRefusedException.forbidden("csrf", "cross-site request refused: " + why);
    }

    private static boolean isStateChanging(Context ctx) {
        return STATE_CHANGING.contains(ctx.method());
    }

    private static String originOf(String referer) {
        if (referer == null) {
            return null;
        }
        try {
            URI uri = URI.create(referer);
            return uri.getScheme() + "://" + uri.getRawAuthority();
        } catch (IllegalArgumentException e) {
            return "invalid";
        }
    }
}

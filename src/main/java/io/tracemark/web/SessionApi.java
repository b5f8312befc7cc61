package io.tracemark.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Sign-in with user and PIN, sign-out, and who am I. */
final class SessionApi {

    private final UserAccounts accounts;
    private final SessionRegistry sessions;
    private final SignInThrottle throttle;
    private final AuditTrail audit;

    SessionApi(UserAccounts accounts, SessionRegistry sessions, SignInThrottle throttle, AuditTrail audit) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.throttle = throttle;
        this.audit = audit;
    }

    /** POST /session {user, pin}. */
    void signIn(Context ctx) {
        JsonNode body = Bodies.object(ctx);
        String user = Bodies.text(body, "user");
        String pin = Bodies.text(body, "pin");
        List<Problem> problems = new ArrayList<>();
        if (user == null) {
            problems.add(new Problem("user", "user id is required"));
        }
        if (pin == null) {
            problems.add(new Problem("pin", "PIN is required"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("sign-in", problems);
        }
        String address = ctx.ip();
        refuseIfLocked(user, address);
        Optional<UserAccount> account = accounts.verify(user, pin);
        if (account.isEmpty()) {
            int left = Math.min(throttle.fail("user:" + user), throttle.fail("addr:" + address));
            audit.record(user, "signin.failed", "from " + address + ", " + left + " attempts left");
            if (left == 0) {
                refuseIfLocked(user, address);
            }
            throw new AccessRefusedException(401, "signin.failed",
                    "wrong user or PIN; " + left + " attempts left before sign-in is locked", 0);
        }
        throttle.succeed("user:" + user);
        throttle.succeed("addr:" + address);
        SessionRegistry.Session session = sessions.create(account.get());
        audit.record(user, "signin", "from " + address);
        setCookie(ctx, Gate.SESSION_COOKIE, session.id(), true);
        setCookie(ctx, Gate.CSRF_COOKIE, session.csrfToken(), false);
        ctx.status(201).json(me(session.principal(), session.csrfToken()));
    }

    /** DELETE /session. */
    void signOut(Context ctx) {
        Principal principal = Gate.principal(ctx);
        if (principal.viaToken()) {
            ctx.status(204);
            return;
        }
        sessions.remove(principal.sessionId());
        audit.record(principal.actor(), "signout", "from " + ctx.ip());
        clearCookie(ctx, Gate.SESSION_COOKIE, true);
        clearCookie(ctx, Gate.CSRF_COOKIE, false);
        ctx.status(204);
    }

    /** GET /me. */
    void me(Context ctx) {
        Principal principal = Gate.principal(ctx);
        String csrf = principal.viaToken() ? null
                : sessions.find(principal.sessionId(), false).map(SessionRegistry.Session::csrfToken).orElse(null);
        ctx.json(me(principal, csrf));
    }

    private Map<String, Object> me(Principal principal, String csrf) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", principal.id());
        out.put("name", principal.name());
        out.put("role", principal.role().key());
        out.put("viaToken", principal.viaToken());
        out.put("csrfToken", csrf);
        out.put("idleTimeoutSeconds", sessions.idleTimeout().toSeconds());
        return out;
    }

    private void refuseIfLocked(String user, String address) {
        Duration userLock = throttle.lockedFor("user:" + user);
        Duration addressLock = throttle.lockedFor("addr:" + address);
        Duration lock = userLock.compareTo(addressLock) >= 0 ? userLock : addressLock;
        if (!lock.isZero()) {
            long seconds = Math.max(1, (lock.toMillis() + 999) / 1000);
            audit.record(user, "signin.locked", "from " + address + ", locked for " + seconds + " s");
            throw AccessRefusedException.locked("too many wrong PINs: sign-in for " + user + " from " + address
                    + " is locked for " + seconds + " s", seconds);
        }
    }

    private static void setCookie(Context ctx, String name, String value, boolean httpOnly) {
        String secure = "https".equalsIgnoreCase(ctx.scheme()) ? "; Secure" : "";
        ctx.res().addHeader("Set-Cookie", name + "=" + value + "; Path=/; SameSite=Strict" + secure
                + (httpOnly ? "; HttpOnly" : ""));
    }

    private static void clearCookie(Context ctx, String name, boolean httpOnly) {
        ctx.res().addHeader("Set-Cookie", name + "=; Path=/; Max-Age=0; SameSite=Strict" + (httpOnly ? "; HttpOnly" : ""));
    }
}

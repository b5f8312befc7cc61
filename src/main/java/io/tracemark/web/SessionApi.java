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

/**
 * Sign-in with user and PIN, sign-out, who am I, and a user's own PIN change. Every PIN is checked
 * only with an attempt from the {@link SignInThrottle} and on the bounded {@link PinCheckPool}.
 */
final class SessionApi {

    private final UserAccounts accounts;
    private final SessionRegistry sessions;
    private final SignInThrottle throttle;
    private final PinCheckPool pins;
    private final AuditTrail audit;

    SessionApi(UserAccounts accounts, SessionRegistry sessions, SignInThrottle throttle, PinCheckPool pins,
               AuditTrail audit) {
        this.accounts = accounts;
        this.sessions = sessions;
        this.throttle = throttle;
        this.pins = pins;
        this.audit = audit;
    }

    /** POST /session {user, pin}; a session this browser already had ends. */
    void signIn(Context ctx) {
        JsonNode body = Bodies.object(ctx);
        String user = Bodies.exact(body, "user");
        String pin = Bodies.exact(body, "pin");
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
        SignInThrottle.Attempt attempt = attempt(user, address);
        Optional<UserAccount> account;
        try {
            account = pins.run(() -> accounts.verify(user, pin));
        } catch (RuntimeException e) {
            attempt.abandoned();
            throw e;
        }
        if (account.isEmpty()) {
            int left = attempt.failed();
            audit.record(user, "signin.failed", "from " + address + ", " + left + " attempts left");
            throw new AccessRefusedException(401, "signin.failed",
                    "wrong user or PIN; " + left + " attempts left before sign-in is locked", 0, Map.of("left", left));
        }
        attempt.succeeded();
        endPreviousSession(ctx, address);
        boolean pinChange = UserAccounts.mustChangePin(account.get(), pin);
        SessionRegistry.Session session = sessions.create(account.get(), pinChange);
        audit.record(user, "signin", "from " + address + (pinChange ? ", must choose a new PIN" : ""));
        setCookie(ctx, Gate.SESSION_COOKIE, session.id(), true);
        setCookie(ctx, Gate.CSRF_COOKIE, session.csrfToken(), false);
        ctx.status(201).json(me(session.principal(), session.csrfToken(), pinChange));
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
        Optional<SessionRegistry.Session> session = principal.viaToken() ? Optional.empty()
                : sessions.find(principal.sessionId(), false);
        ctx.json(me(principal, session.map(SessionRegistry.Session::csrfToken).orElse(null),
                session.map(SessionRegistry.Session::pinChangeRequired).orElse(false)));
    }

    /** POST /me/pin {pin, newPin}: the signed-in user's own new PIN (the way out of a required change). */
    void changePin(Context ctx) {
        Principal principal = Gate.principal(ctx);
        if (principal.viaToken()) {
            throw AccessRefusedException.forbidden("pin.token", "an API token has no PIN to change");
        }
        JsonNode body = Bodies.object(ctx);
        String pin = Bodies.exact(body, "pin");
        String newPin = Bodies.exact(body, "newPin");
        SignInThrottle.Attempt attempt = attempt(principal.id(), ctx.ip());
        try {
            pins.run(() -> accounts.changeOwnPin(principal.id(), pin, newPin));
        } catch (InvalidInputException e) {
            if (e.problems().stream().anyMatch(p -> p.where().equals("pin"))) {
                attempt.failed();
                audit.record(principal.actor(), "pin.change.failed", "wrong current PIN from " + ctx.ip());
            } else {
                attempt.abandoned();
            }
            throw e;
        } catch (RuntimeException e) {
            attempt.abandoned();
            throw e;
        }
        attempt.succeeded();
        sessions.pinChanged(principal.sessionId());
        audit.record(principal.actor(), "pin.change", "own PIN changed from " + ctx.ip());
        ctx.json(me(principal, sessions.find(principal.sessionId(), false)
                .map(SessionRegistry.Session::csrfToken).orElse(null), false));
    }

    private Map<String, Object> me(Principal principal, String csrf, boolean pinChangeRequired) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", principal.id());
        out.put("name", principal.name());
        out.put("role", principal.role().key());
        out.put("viaToken", principal.viaToken());
        out.put("csrfToken", csrf);
        out.put("idleTimeoutSeconds", sessions.idleTimeout().toSeconds());
        out.put("pinChangeRequired", pinChangeRequired);
        out.put("minimumPinLength", UserAccounts.minimumPinLength(principal.role()));
        return out;
    }

    private SignInThrottle.Attempt attempt(String user, String address) {
        SignInThrottle.Result result = throttle.attempt(user);
        if (result.refusal() == null) {
            return result.attempt();
        }
        Duration wait = result.refusal().retryAfter();
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        if (!result.refusal().locked()) {
            throw new AccessRefusedException(429, "signin.checking", "every allowed attempt for " + user
                    + " is being checked; try again in " + seconds + " s", seconds, Map.of("user", user, "seconds", seconds));
        }
        audit.record(user, "signin.locked", "from " + address + ", locked for " + seconds + " s");
        throw AccessRefusedException.locked(user, "too many wrong PINs: sign-in for " + user
                + " is locked for " + seconds + " s", seconds);
    }

    /** Signing in from a browser that holds a session (another user's or the same one's) ends that session. */
    private void endPreviousSession(Context ctx, String address) {
        sessions.find(ctx.cookie(Gate.SESSION_COOKIE), false).ifPresent(old -> {
            sessions.remove(old.id());
            audit.record(old.userId(), "signout.replaced", "by a new sign-in from " + address);
        });
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

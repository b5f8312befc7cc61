package io.tracemark.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Cookie sessions: random 256-bit ids, a CSRF token each, and sign-out after {@code idleTimeout}
 * without user activity. Held in memory: a restart signs everybody out, which is what a station wants.
 * Idle sessions are removed when next looked up and, so that abandoned ones do not pile up, swept
 * whenever a session is created.
 */
final class SessionRegistry {

    /**
     * One signed-in user at one browser.
     *
     * @param pinChangeRequired the user signed in with a PIN shorter than the role needs and may do
     *                          nothing but choose a new one (or sign out)
     */
    record Session(String id, String csrfToken, String userId, String name, Role role, Instant lastActive,
                   boolean pinChangeRequired) {

        Principal principal() {
            return new Principal(userId, name, role, false, id);
        }

        Session touchedAt(Instant when) {
            return new Session(id, csrfToken, userId, name, role, when, pinChangeRequired);
        }

        Session withPinChanged() {
            return new Session(id, csrfToken, userId, name, role, lastActive, false);
        }
    }

    private final Duration idleTimeout;
    private final Clock clock;
    private final Consumer<Session> onIdleExpiry;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();

    SessionRegistry(Duration idleTimeout, Clock clock, Consumer<Session> onIdleExpiry) {
        this.idleTimeout = idleTimeout;
        this.clock = clock;
        this.onIdleExpiry = onIdleExpiry;
    }

    Session create(UserAccount user, boolean pinChangeRequired) {
        sweep();
        Session session = new Session(randomId(), randomId(), user.id(), user.name(), user.role(), clock.instant(),
                pinChangeRequired);
        sessions.put(session.id(), session);
        return session;
    }

    /** Removes (and reports) every idle session. */
    void sweep() {
        Instant now = clock.instant();
        for (Session session : sessions.values()) {
            if (idle(session, now) && sessions.remove(session.id(), session)) {
                onIdleExpiry.accept(session);
            }
        }
    }

    /** Live and not yet swept sessions (for tests of the expiry). */
    int size() {
        return sessions.size();
    }

    /** Lifts the PIN-change restriction of a session after its user chose a new PIN. */
    void pinChanged(String id) {
        sessions.computeIfPresent(id, (k, s) -> s.withPinChanged());
    }

    /**
     * The live session with this id; {@code touch} counts the call as user activity. An idle session
     * is removed (and reported once) instead.
     */
    Optional<Session> find(String id, boolean touch) {
        if (id == null) {
            return Optional.empty();
        }
        Session session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (idle(session, now)) {
            if (sessions.remove(id, session)) {
                onIdleExpiry.accept(session);
            }
            return Optional.empty();
        }
        if (touch) {
            Session touched = session.touchedAt(now);
            sessions.replace(id, session, touched);
            return Optional.of(touched);
        }
        return Optional.of(session);
    }

    void remove(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Signs a user out everywhere (disabled, PIN reset). */
    void removeUser(String userId) {
        sessions.values().removeIf(s -> s.userId().equals(userId));
    }

    private boolean idle(Session session, Instant now) {
        return Duration.between(session.lastActive(), now).compareTo(idleTimeout) >= 0;
    }

    Duration idleTimeout() {
        return idleTimeout;
    }

    private String randomId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

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
 */
final class SessionRegistry {

    /** One signed-in user at one browser. */
    record Session(String id, String csrfToken, String userId, String name, Role role, Instant lastActive) {

        Principal principal() {
            return new Principal(userId, name, role, false, id);
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

    Session create(UserAccount user) {
        Session session = new Session(randomId(), randomId(), user.id(), user.name(), user.role(), clock.instant());
        sessions.put(session.id(), session);
        return session;
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
        if (Duration.between(session.lastActive(), now).compareTo(idleTimeout) >= 0) {
            if (sessions.remove(id, session)) {
                onIdleExpiry.accept(session);
            }
            return Optional.empty();
        }
        if (touch) {
            Session touched = new Session(session.id(), session.csrfToken(), session.userId(), session.name(),
                    session.role(), now);
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

    Duration idleTimeout() {
        return idleTimeout;
    }

    private String randomId() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}

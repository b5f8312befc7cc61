package io.tracemark.web;

import io.tracemark.core.TracemarkException;
import java.util.Map;

/**
 * A request was refused before it did anything: not signed in (401), wrong role or cross-site (403),
 * sign-in locked after too many wrong PINs (429), or too many sign-ins at once (503).
 *
 * @see PanelErrors
 */
final class AccessRefusedException extends TracemarkException {

    private final int status;
    private final String key;
    private final long retryAfterSeconds;
    private final Map<String, Object> params;

    AccessRefusedException(int status, String key, String message, long retryAfterSeconds) {
        this(status, key, message, retryAfterSeconds, Map.of());
    }

    AccessRefusedException(int status, String key, String message, long retryAfterSeconds,
                           Map<String, Object> params) {
        super(message);
        this.status = status;
        this.key = key;
        this.retryAfterSeconds = retryAfterSeconds;
        this.params = Map.copyOf(params);
    }

    static AccessRefusedException notSignedIn(String key, String message) {
        return new AccessRefusedException(401, key, message, 0);
    }

    static AccessRefusedException forbidden(String key, String message) {
        return new AccessRefusedException(403, key, message, 0);
    }

    static AccessRefusedException locked(String user, String message, long retryAfterSeconds) {
        return new AccessRefusedException(429, "signin.locked", message, retryAfterSeconds,
                Map.of("user", user, "seconds", retryAfterSeconds));
    }

    int status() {
        return status;
    }

    /** A stable key the panel translates. */
    String key() {
        return key;
    }

    /** The values the panel puts into the key's text, e.g. {@code seconds}. */
    Map<String, Object> params() {
        return params;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

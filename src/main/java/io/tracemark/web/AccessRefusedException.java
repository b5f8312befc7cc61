package io.tracemark.web;

import io.tracemark.core.TracemarkException;

/**
 * A request was refused before it did anything: not signed in (401), wrong role or cross-site (403),
 * or sign-in locked after too many wrong PINs (429).
 *
 * @see PanelErrors
 */
final class AccessRefusedException extends TracemarkException {

    private final int status;
    private final String key;
    private final long retryAfterSeconds;

    AccessRefusedException(int status, String key, String message, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.key = key;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    static AccessRefusedException notSignedIn(String key, String message) {
        return new AccessRefusedException(401, key, message, 0);
    }

    static AccessRefusedException forbidden(String key, String message) {
        return new AccessRefusedException(403, key, message, 0);
    }

    static AccessRefusedException locked(String message, long retryAfterSeconds) {
        return new AccessRefusedException(429, "signin.locked", message, retryAfterSeconds);
    }

    int status() {
        return status;
    }

    /** A stable key the panel translates. */
    String key() {
        return key;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}

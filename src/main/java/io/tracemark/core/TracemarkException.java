package io.tracemark.core;

/**
 * Root of tracemark's exception family. Messages name the thing (device, code, job) and the
 * numbers involved; the cause is always kept.
 */
public class TracemarkException extends RuntimeException {

    public TracemarkException(String message) {
        super(message);
    }

    public TracemarkException(String message, Throwable cause) {
        super(message, cause);
    }
}

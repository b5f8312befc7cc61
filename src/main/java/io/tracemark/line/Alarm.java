package io.tracemark.line;

import java.time.Instant;

/**
 * Something an operator must see and acknowledge.
 *
 * @param cause  a stable key for the message bundle, e.g. {@code printer.paperOut}, {@code rejects.consecutive}
 * @param detail the specifics in plain words (device, code, numbers)
 */
public record Alarm(long id, Instant raisedAt, Severity severity, String cause, String detail) {

    /** FAULT stops the line; WARNING does not. */
    public enum Severity { WARNING, FAULT }
}

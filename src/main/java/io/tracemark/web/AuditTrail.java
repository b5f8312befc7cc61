package io.tracemark.web;

/**
 * Where the panel writes what people did (sign-in, sign-out, failed sign-ins, refused requests,
 * user and token administration). Line actions are written by the line itself
 * ({@link io.tracemark.line.LineControl} receives the actor).
 */
public interface AuditTrail {

    /**
     * Records one event durably before returning.
     *
     * @param actor  user id, {@code token:NAME}, or {@code anonymous}
     * @param action a stable dotted key, e.g. {@code signin.failed}, {@code user.create}
     * @param detail the specifics (address, target user, reason)
     */
    void record(String actor, String action, String detail);
}

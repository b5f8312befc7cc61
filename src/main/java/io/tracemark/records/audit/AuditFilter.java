package io.tracemark.records.audit;

import java.time.Instant;

/**
 * Which audit entries to list, newest first.
 *
 * @param from     entries at or after this time, or null
 * @param to       entries before this time, or null
 * @param actor    entries by exactly this actor, or null
 * @param action   entries whose action starts with this (e.g. {@code job.} or {@code signin}), or null
 * @param text     entries whose detail contains this, or null
 * @param beforeId entries with an id below this (the next page), or 0 for the newest
 * @param limit    at most this many, 1 to {@value #MAX_LIMIT}
 */
public record AuditFilter(Instant from, Instant to, String actor, String action, String text, long beforeId, int limit) {

    public static final int MAX_LIMIT = 500;

    public AuditFilter {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1.." + MAX_LIMIT + ", was " + limit);
        }
    }

    /** The newest {@code limit} entries. */
    public static AuditFilter latest(int limit) {
        return new AuditFilter(null, null, null, null, null, 0, limit);
    }
}

package io.tracemark.store;

import java.time.Instant;

/**
 * A chain head given to someone outside the station (the platform, a backup): the trail must still
 * hold entry {@code entryId} with exactly this hash.
 *
 * @param entryId the entry
 * @param hash    its hash at the time
 * @param at      when the anchor was taken
 * @param keyId   the id of the station key of the chain (null when unknown)
 */
public record AuditAnchor(long entryId, String hash, Instant at, String keyId) {
}

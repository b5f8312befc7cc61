package io.tracemark.store;

import java.time.Instant;

/**
 * One entry of the audit log.
 *
 * @param id       its place in the chain, from 1
 * @param at       when it was written
 * @param actor    who did it
 * @param action   what kind of thing, e.g. {@code codes.import}
 * @param detail   the specifics
 * @param prevHash the hash of the entry before ({@link AuditLog#GENESIS} for the first)
 * @param hash     this entry's hash
 * @param scheme   {@code hmac-sha256} (keyed) or {@code sha256-pipe} (written before the keyed chain)
 * @param keyId    the public id of the key that signed it, or null for an unkeyed entry
 */
public record AuditEntry(long id, Instant at, String actor, String action, String detail, String prevHash,
                         String hash, String scheme, String keyId) {
}

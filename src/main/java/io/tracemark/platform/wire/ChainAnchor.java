package io.tracemark.platform.wire;

import java.time.Instant;

/**
 * A station's audit chain head, kept by the platform so that a station whose trail was cut short or
 * rebuilt is found out ({@code POST /audit-anchors}, {@code GET /audit-anchors}).
 *
 * @param idempotencyKey {@code <stationId>/audit-anchor/<keyId>/<entryId>}
 * @param station        the station's id ({@code station.name}); empty when the station has none
 * @param entryId        the audit entry anchored
 * @param hash           its hash, 64 hex digits
 * @param keyId          the public id of the station key that signed the chain
 * @param at             when the station took the anchor
 */
public record ChainAnchor(String idempotencyKey, String station, long entryId, String hash, String keyId, Instant at) {
}

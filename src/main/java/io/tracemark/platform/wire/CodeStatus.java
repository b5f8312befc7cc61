package io.tracemark.platform.wire;

import java.time.Instant;

/**
 * What the platform knows of one code: {@code GET /codes?code=…}.
 *
 * @param code        the code
 * @param productId   its product
 * @param rangeId     its range
 * @param returned    whether it was given back unused
 * @param lastEvent   the latest unit event type reported, or null
 * @param lastEventAt when that event happened
 * @param eventCount  how many distinct events the platform holds for it
 */
public record CodeStatus(String code, String productId, String rangeId, boolean returned,
                         UnitEventType lastEvent, Instant lastEventAt, int eventCount) {
}

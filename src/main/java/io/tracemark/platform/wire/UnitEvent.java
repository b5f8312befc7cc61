package io.tracemark.platform.wire;

import java.time.Instant;
import java.util.Map;

/**
 * One unit event. The platform stores an idempotency key once: a repeated key is a duplicate and
 * is acknowledged without being stored again.
 *
 * @param idempotencyKey unique per event, chosen by the station (stable across retries)
 * @param code           the unit's trace code
 * @param productId      the product
 * @param type           what happened
 * @param occurredAt     when it happened at the station
 * @param jobId          the station's job, optional
 * @param reason         why (rejections, voids), optional
 * @param parentCode     the parent code for AGGREGATED, else null
 * @param details        further fields (e.g. buyer for SHIPPED), optional
 */
public record UnitEvent(String idempotencyKey, String code, String productId, UnitEventType type,
                        Instant occurredAt, String jobId, String reason, String parentCode,
                        Map<String, String> details) {

    public UnitEvent {
        details = details == null ? Map.of() : Map.copyOf(details);
    }
}

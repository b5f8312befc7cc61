package io.tracemark.platform;

import com.fasterxml.jackson.databind.JsonNode;
import io.tracemark.platform.wire.ChainAnchor;
import io.tracemark.store.AuditLog;
import io.tracemark.store.Outbox.OutboxMessage;
import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/**
 * Turns the audit log's anchor messages (outbox topic {@value AuditLog#ANCHOR_TOPIC},
 * {@code {entryId, hash, keyId, at}}) into contract anchors under {@code <stationId>/<outbox key>}.
 */
final class AnchorMessages {

    private final String stationId;

    /** @param stationId the station's id, or null for a station without one */
    AnchorMessages(String stationId) {
        this.stationId = stationId;
    }

    static boolean isAnchor(OutboxMessage m) {
        return AuditLog.ANCHOR_TOPIC.equals(m.topic());
    }

    /** The anchor of a message, or empty (with the reason) when its payload cannot be read. */
    Optional<ChainAnchor> toAnchor(OutboxMessage m, StringBuilder why) {
        try {
            JsonNode p = PlatformJson.mapper().readTree(m.payload());
            if (!p.path("entryId").canConvertToLong() || !p.path("hash").isTextual() || !p.path("keyId").isTextual()
                    || !p.path("at").isTextual()) {
                why.append("anchor payload lacks entryId, hash, keyId or at");
                return Optional.empty();
            }
            String key = stationId == null ? m.key() : stationId + "/" + m.key();
            return Optional.of(new ChainAnchor(key, stationId == null ? "" : stationId, p.get("entryId").asLong(),
                    p.get("hash").asText(), p.get("keyId").asText(), Instant.parse(p.get("at").asText())));
        } catch (IOException | RuntimeException e) {
            why.append("unreadable anchor payload: ").append(e.getMessage());
            return Optional.empty();
        }
    }
}

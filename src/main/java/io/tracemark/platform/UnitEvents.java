package io.tracemark.platform;

import io.tracemark.platform.wire.UnitEvent;
import io.tracemark.platform.wire.UnitEventType;
import io.tracemark.store.Outbox.OutboxMessage;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns the ledger's outbox messages into contract unit events. Topic {@code unit.verdict} carries
 * {@code {job, seq, code, state, reason, grade, at}}; later {@code unit.*} topics (aggregated,
 * shipped) carry a {@code type}. The outbox idempotency key becomes the event's key, so a message
 * re-sent after a restart is the same event to the platform.
 */
final class UnitEvents {

    private final Function<String, String> productOfJob;
    private final String stationId;

    /**
     * @param productOfJob the product a station job produces, or null when unknown
     * @param stationId    prefixed to every event key ({@code <stationId>/<outbox key>}), or null for none
     */
    UnitEvents(Function<String, String> productOfJob, String stationId) {
        this.productOfJob = productOfJob;
        this.stationId = stationId;
    }

    /** The platform idempotency key of an outbox message: its own key, under the station's id. */
    String key(OutboxMessage m) {
        return stationId == null ? m.key() : stationId + "/" + m.key();
    }

    /** Whether messages of this topic go to the platform at all ({@code job.release} stays local). */
    static boolean reported(String topic) {
        return topic.startsWith("unit.");
    }

    /** The unit event of a message, or empty (with the reason) when the payload cannot be read. */
    Optional<UnitEvent> toEvent(OutboxMessage m, StringBuilder why) {
        try {
            StoredPayload p = StoredPayload.read(m.payload());
            String state = p.type() != null ? p.type() : p.state();
            if (p.code() == null || state == null || p.at() == null) {
                why.append("payload lacks code, state/type or at");
                return Optional.empty();
            }
            Map<String, String> details = new LinkedHashMap<>();
            if (p.grade() != null) {
                details.put("grade", p.grade());
            }
            if (p.seq() != null) {
                details.put("seq", p.seq());
            }
            if (p.job() != null && productOfJob instanceof JobProducts jobs && !p.details().containsKey("batch")) {
                String batch = jobs.batch(p.job());
                if (batch != null && !batch.isBlank()) {
                    details.put("batch", batch); // a site recalls a batch across its lines by it
                }
            }
            details.putAll(p.details());
            String product = p.product() != null ? p.product() : p.job() == null ? null : productOfJob.apply(p.job());
            return Optional.of(new UnitEvent(key(m), p.code(), product, UnitEventType.valueOf(state),
                    IsoInstant.parse(p.at()), p.job(), p.reason(), p.parent(), details));
        } catch (IOException | RuntimeException e) {
            why.append("unreadable payload: ").append(e.getMessage());
            return Optional.empty();
        }
    }
}

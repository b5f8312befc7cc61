package io.tracemark.platform;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.tracemark.platform.wire.UnitEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /events} written field by field: the same bytes as
 * {@code PlatformJson.mapper().writeValueAsBytes(new EventBatch(events))} (fields in record order,
 * absent values left out, ISO-8601 times), without the bean serialiser's per-property dispatch
 * and the formatter behind each time: the sender writes one such body a second.
 */
final class EventBatchJson {

    private EventBatchJson() {
    }

    /** The batch as UTF-8 JSON bytes. */
    static byte[] write(List<UnitEvent> events) {
        ByteArrayBuilder buffer = new ByteArrayBuilder(256 * events.size() + 16);
        try (JsonGenerator g = PlatformJson.mapper().getFactory().createGenerator(buffer)) {
            g.writeStartObject();
            g.writeArrayFieldStart("events");
            for (UnitEvent e : events) {
                write(g, e);
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + events.size() + " events as JSON", e); // in memory: never
        }
        return buffer.toByteArray();
    }

    private static void write(JsonGenerator g, UnitEvent e) throws IOException {
        g.writeStartObject();
        optional(g, "idempotencyKey", e.idempotencyKey());
        optional(g, "code", e.code());
        optional(g, "productId", e.productId());
        optional(g, "type", e.type() == null ? null : e.type().name());
        optional(g, "occurredAt", e.occurredAt() == null ? null : IsoInstant.format(e.occurredAt()));
        optional(g, "jobId", e.jobId());
        optional(g, "reason", e.reason());
        optional(g, "parentCode", e.parentCode());
        g.writeObjectFieldStart("details");
        for (Map.Entry<String, String> d : e.details().entrySet()) {
            g.writeStringField(d.getKey(), d.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    /** A field, left out when its value is absent (the contract's optional fields, as the mapper writes them). */
    private static void optional(JsonGenerator g, String name, String value) throws IOException {
        if (value != null) {
            g.writeStringField(name, value);
        }
    }
}

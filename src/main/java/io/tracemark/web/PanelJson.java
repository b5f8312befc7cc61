package io.tracemark.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tracemark.line.LineSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The JSON shapes of the API: one mapper, and the status document shared by GET /status and /events. */
final class PanelJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private PanelJson() {
    }

    /** State, status, job, counters, alarms, last verdict, then the extra sections. */
    static Map<String, Object> status(LineSnapshot snapshot, Supplier<Map<String, Object>> extra) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", snapshot.state().name());
        out.put("status", snapshot.status());
        out.put("version", snapshot.version());
        out.put("job", snapshot.job().orElse(null));
        out.put("counters", snapshot.counters());
        out.put("alarms", snapshot.alarms());
        out.put("lastVerdict", snapshot.lastVerdict().orElse(null));
        extra.get().forEach(out::putIfAbsent);
        return out;
    }

    static Map<String, Object> user(UserAccount user) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", user.id());
        out.put("name", user.name());
        out.put("role", user.role().key());
        out.put("enabled", user.enabled());
        out.put("createdAt", user.createdAt());
        return out;
    }

    static Map<String, Object> token(ApiToken token) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", token.id());
        out.put("name", token.name());
        out.put("role", token.role().key());
        out.put("revoked", token.revoked());
        out.put("createdAt", token.createdAt());
        return out;
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON for " + value.getClass().getSimpleName(), e);
        }
    }
}

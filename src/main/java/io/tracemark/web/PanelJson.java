package io.tracemark.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tracemark.ledger.Reconciliation;
import io.tracemark.line.JobSummary;
import io.tracemark.line.LineControl;
import io.tracemark.line.LineSnapshot;
import io.tracemark.line.PackMlState;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** The JSON shapes of the API: one mapper, and the status document shared by GET /status and /events. */
final class PanelJson {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private PanelJson() {
    }

    /** States from which {@link LineControl#restart} may resume the current job (from ABORTED it clears first). */
    private static final Set<PackMlState> RESTARTABLE = Set.of(PackMlState.STOPPED, PackMlState.IDLE,
            PackMlState.ABORTED);

    /** State, status, job, whether it can be resumed, counters, alarms, last verdict, then the extra sections. */
    static Map<String, Object> status(LineControl line, Supplier<Map<String, Object>> extra) {
        LineSnapshot snapshot = line.snapshot();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("state", snapshot.state().name());
        out.put("status", snapshot.status());
        out.put("version", snapshot.version());
        out.put("job", snapshot.job().orElse(null));
        out.put("resumable", resumable(snapshot, line.lastReconciliation()));
        out.put("counters", snapshot.counters());
        out.put("alarms", snapshot.alarms());
        out.put("lastVerdict", snapshot.lastVerdict().orElse(null));
        out.put("live", line.liveUnit().map(LiveApi::json).orElse(null));
        extra.get().forEach(out::putIfAbsent);
        return out;
    }

    /**
     * Whether the job on the line is unfinished (not ended by end batch, not all units verified) and the
     * state lets {@link LineControl#restart} resume it.
     */
    static boolean resumable(LineSnapshot snapshot, Optional<Reconciliation> lastEnded) {
        Optional<JobSummary> job = snapshot.job();
        if (job.isEmpty() || !RESTARTABLE.contains(snapshot.state())) {
            return false;
        }
        String jobId = job.get().jobId();
        boolean ended = lastEnded.map(r -> r.job().equals(jobId)).orElse(false);
        return !ended && snapshot.counters().verified() < job.get().quantity();
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

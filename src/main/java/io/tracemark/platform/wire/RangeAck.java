package io.tracemark.platform.wire;

import java.util.List;

/**
 * Body of {@code POST /ranges/{id}/ack}: the station accepted the range whole, or refused it whole
 * with a reason (and the problems found) that the platform stores and shows.
 */
public record RangeAck(boolean accepted, String reason, List<FieldProblem> problems) {

    public RangeAck {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public static RangeAck accept() {
        return new RangeAck(true, null, List.of());
    }

    public static RangeAck refuse(String reason, List<FieldProblem> problems) {
        return new RangeAck(false, reason, problems);
    }
}

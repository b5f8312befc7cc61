package io.tracemark.line;

import java.time.Instant;

/** One rejected unit for the reject log. */
public record RejectRecord(long unitId, String jobId, String code, String reason, String grade, Instant at,
                           boolean hasImage) {
}

package io.tracemark.line;

import java.time.Instant;
import java.util.List;

/**
 * One rejected unit for the reject log.
 *
 * @param parameters the ISO/IEC 15415 (or 15416) parameter grades of the read, when the grader or the
 *                   reader gave them; kept in memory with the image, for the most recent rejects
 */
public record RejectRecord(long unitId, String jobId, String code, String reason, String grade, Instant at,
                           boolean hasImage, List<GradeParameter> parameters) {

    public RejectRecord {
        parameters = List.copyOf(parameters);
    }
}

package io.tracemark.line;

import io.tracemark.core.TraceLevel;
import java.time.LocalDate;

/** The job on the line, as the panel shows it. */
public record JobSummary(String jobId, String productId, String productName, String batch, LocalDate productionDate,
                         TraceLevel traceLevel, String scheme, String template, int quantity, String minimumGrade) {
}

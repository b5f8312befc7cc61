package io.tracemark.line;

import io.tracemark.core.TraceLevel;
import java.time.LocalDate;

/**
 * What job set-up asks for. Fields may be null when the user left them empty; {@link LineControl#validate}
 * names each missing or bad one.
 *
 * @param printer  name of a configured printer
 * @param scanner  name of a configured scanner
 * @param minimumGrade A–D or a number 0.0–4.0; null means the station default (C)
 */
public record JobRequest(String productId, String batch, LocalDate productionDate, LocalDate expiryDate,
                         TraceLevel traceLevel, String scheme, String template, String printer, String scanner,
                         Integer quantity, String minimumGrade) {
}

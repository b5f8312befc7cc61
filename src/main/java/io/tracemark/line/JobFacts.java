package io.tracemark.line;

import io.tracemark.master.Product;
import io.tracemark.core.TraceLevel;
import java.time.LocalDate;

/**
 * What a job tells its labels besides the code: master data, batch and dates.
 *
 * @param expiryDate may be null
 */
public record JobFacts(Product product, String batch, LocalDate productionDate, LocalDate expiryDate,
                       TraceLevel traceLevel, String scheme) {
}

package io.tracemark.ledger;

import io.tracemark.core.TraceLevel;
import java.time.Instant;
import java.util.Optional;

/**
 * A production job as the ledger knows it.
 *
 * @param id         the job id
 * @param traceLevel how codes map to units
 * @param quantity   planned units
 * @param state      open or ended
 * @param createdAt  when it was created
 * @param endedAt    when its unused codes were released
 * @param sharedCode the code bound to a batch-level job, if bound
 */
public record Job(String id, TraceLevel traceLevel, int quantity, JobState state, Instant createdAt,
                  Optional<Instant> endedAt, Optional<String> sharedCode) {
}

package io.tracemark.platform.wire;

import java.util.List;

/**
 * Reply to {@code POST /events}. Every event of the batch is counted once: stored now, held
 * already (duplicate idempotency key), or refused with a problem naming its idempotency key.
 */
public record EventBatchResult(int accepted, int duplicates, List<FieldProblem> refused) {

    public EventBatchResult {
        refused = refused == null ? List.of() : List.copyOf(refused);
    }
}

package io.tracemark.platform.wire;

import java.util.List;

/**
 * Reply to {@code POST /returns}.
 *
 * @param returned  codes now returned
 * @param duplicate true if this idempotency key was processed before (nothing changed now)
 * @param refused   codes the platform would not take back (unknown, or already used), with reasons
 */
public record ReturnResult(int returned, boolean duplicate, List<FieldProblem> refused) {

    public ReturnResult {
        refused = refused == null ? List.of() : List.copyOf(refused);
    }
}

package io.tracemark.ledger;

import java.time.Instant;
import java.util.Map;

/**
 * The verdicts of one minute, all jobs together.
 *
 * @param minute   the start of the minute (UTC)
 * @param rejectsByReason rejected units by reason (no-read, wrong-code, …)
 */
public record VerdictMinute(Instant minute, long verified, long rejected, long voided, Map<String, Long> rejectsByReason) {

    public VerdictMinute {
        rejectsByReason = Map.copyOf(rejectsByReason);
    }
}

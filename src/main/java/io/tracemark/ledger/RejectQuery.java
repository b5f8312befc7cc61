package io.tracemark.ledger;

import java.time.Instant;

/**
 * Which REJECTED units the reject log shows; null fields match everything.
 *
 * @param codeContains part of the code
 * @param from         verdicts at or after this time (a shift's start)
 * @param to           verdicts before this time
 */
public record RejectQuery(String jobId, String reason, String codeContains, Instant from, Instant to) {

    /** Every reject. */
    public static RejectQuery all() {
        return new RejectQuery(null, null, null, null, null);
    }

    /** The same job and period with any reason and code: what the per-reason summary counts. */
    public RejectQuery anyReasonOrCode() {
        return new RejectQuery(jobId, null, null, from, to);
    }
}

package io.tracemark.ledger;

import io.tracemark.core.TraceLevel;

/**
 * The accounting of one job (DESIGN.md sections 2 and 4).
 *
 * <p>Item level (ITEM, COMBINED): {@code allocated} counts codes allocated to the job (each
 * allocation), {@code released} those given back at job end, {@code inFlight} codes still
 * ALLOCATED plus units SENT without verdict.
 *
 * <p>Batch level (PRODUCT, BATCH; one code on many units): {@code allocated} is the planned unit
 * count, {@code max(quantity, units sent)}; while the job is open the planned units not yet sent
 * count as in flight; at job end they are {@code released}.
 *
 * @param job            the job id
 * @param traceLevel     its trace level
 * @param state          open or ended
 * @param allocated      see above
 * @param sent           units sent to the printer
 * @param verified       units VERIFIED
 * @param rejected       units REJECTED
 * @param voided         units VOIDED
 * @param inFlight       allocated but not final (ALLOCATED, or SENT without verdict)
 * @param released       returned to AVAILABLE at job end
 * @param duplicates     extra VERIFIED units of one item-level code (must be 0)
 * @param unitsPerSecond units with a verdict per second, between the first send and the last verdict
 * @param balanced       {@code allocated == verified + rejected + voided + inFlight + released} and no duplicates
 */
public record Reconciliation(String job, TraceLevel traceLevel, JobState state, long allocated, long sent,
                             long verified, long rejected, long voided, long inFlight, long released,
                             long duplicates, double unitsPerSecond, boolean balanced) {

    /** Builds the record, computing {@code balanced} from the counts. */
    public static Reconciliation of(String job, TraceLevel traceLevel, JobState state, long allocated, long sent,
                                    long verified, long rejected, long voided, long inFlight, long released,
                                    long duplicates, double unitsPerSecond) {
        boolean balanced = allocated == verified + rejected + voided + inFlight + released && duplicates == 0;
        return new Reconciliation(job, traceLevel, state, allocated, sent, verified, rejected, voided, inFlight,
                released, duplicates, unitsPerSecond, balanced);
    }
}

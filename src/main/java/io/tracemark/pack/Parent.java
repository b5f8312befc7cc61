package io.tracemark.pack;

import java.util.Optional;

/**
 * A case or a pallet as the station database holds it.
 *
 * @param id         its row id
 * @param sscc       its SSCC
 * @param kind       case or pallet
 * @param state      open, closed, shipped, unpacked or voided
 * @param capacity   how many children it takes (units for a case, cases for a pallet)
 * @param children   how many it holds now
 * @param jobId      the job of its units (a case of one job; empty while an open case is empty or for a pallet)
 * @param productId  the product of its units, when known
 * @param mixJobs    whether units of other jobs of the same product may go in
 * @param palletSscc the pallet a case is on
 * @param labelState null (no label yet), SENT, VERIFIED or REJECTED
 */
public record Parent(long id, Sscc sscc, ParentKind kind, ParentState state, int capacity, int children,
                     Optional<String> jobId, Optional<String> productId, boolean mixJobs,
                     Optional<Sscc> palletSscc, Optional<String> labelState) {

    /** Whether it holds as many children as it takes. */
    public boolean full() {
        return children >= capacity;
    }
}

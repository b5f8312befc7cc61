package io.tracemark.line;

import io.tracemark.ledger.RejectCursor;
import io.tracemark.ledger.RejectQuery;

/**
 * One page of the reject log: which rejects, where the page starts and how long it is.
 *
 * @param after the last row of the page before (null: the first page)
 * @param limit at most this many rows (1–1000)
 */
public record RejectFilter(RejectQuery query, RejectCursor after, int limit) {

    /** The first page of every reject. */
    public static RejectFilter first(int limit) {
        return new RejectFilter(RejectQuery.all(), null, limit);
    }
}

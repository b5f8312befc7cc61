package io.tracemark.line;

import io.tracemark.ledger.RejectCursor;
import java.util.List;
import java.util.Map;

/**
 * A page of the reject log.
 *
 * @param total   rejects the filter matches, on every page
 * @param reasons rejects per reason for the filter's job and period (any reason, any code), most first
 * @param next    where the next page starts, null on the last page
 */
public record RejectPage(List<RejectRecord> rows, long total, Map<String, Long> reasons, RejectCursor next) {

    public RejectPage {
        rows = List.copyOf(rows);
        reasons = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(reasons));
    }
}

package io.tracemark.ledger;

import java.time.Instant;

/**
 * A place in the reject log's order (newest verdict first, then the higher unit id first): a page
 * starts after the row it names, so rows arriving meanwhile never shift or repeat later pages.
 */
public record RejectCursor(Instant verdictAt, long unitId) {

    /** The cursor after {@code row}. */
    public static RejectCursor after(RejectedUnit row) {
        return new RejectCursor(row.at(), row.unitId());
    }
}

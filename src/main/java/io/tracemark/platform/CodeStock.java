package io.tracemark.platform;

import java.util.List;

/**
 * The station's stock of codes as the range puller sees it: implemented over the code ledger by
 * {@link LedgerCodeStock}.
 */
public interface CodeStock {

    /** Codes pulled from the platform for {@code productId} that are still AVAILABLE at the station. */
    long available(String productId);

    /**
     * Imports every code of a range, or none.
     *
     * @return true if imported now, false if this very range had been imported before (nothing changed)
     * @throws io.tracemark.core.InvalidInputException listing every problem (a code invalid for the
     *         scheme, a duplicate, a code already in the ledger); nothing was imported
     */
    boolean importRange(String productId, String rangeId, String scheme, List<String> codes);
}

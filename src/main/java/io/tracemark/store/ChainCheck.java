package io.tracemark.store;

import java.util.OptionalLong;

/**
 * The result of checking the audit log's hash chain.
 *
 * @param rowsChecked   rows found intact before the first broken one (all rows when intact)
 * @param firstBrokenId the id of the first row that does not match, if any
 * @param reason        why that row does not match; empty when intact
 */
public record ChainCheck(long rowsChecked, OptionalLong firstBrokenId, String reason) {

    static ChainCheck intact(long rows) {
        return new ChainCheck(rows, OptionalLong.empty(), "");
    }

    static ChainCheck broken(long rows, long id, String reason) {
        return new ChainCheck(rows, OptionalLong.of(id), reason);
    }

    public boolean intact() {
        return firstBrokenId.isEmpty();
    }
}

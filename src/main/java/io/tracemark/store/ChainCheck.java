package io.tracemark.store;

import java.util.OptionalLong;

/**
 * The result of checking the audit log's hash chain.
 *
 * @param rowsChecked    entries found intact before the first broken one (all entries checked when intact)
 * @param firstBrokenId  the id of the first entry that does not match, if any
 * @param reason         why that entry does not match; empty when intact
 * @param unkeyedEntries entries checked that predate the keyed chain (their hash anyone can recompute)
 * @param anchorsChecked anchors compared with the trail
 * @param headId         the last entry checked (0 when none)
 * @param headHash       its hash (empty when none)
 */
public record ChainCheck(long rowsChecked, OptionalLong firstBrokenId, String reason, long unkeyedEntries,
                         long anchorsChecked, long headId, String headHash) {

    static ChainCheck intact(long rows) {
        return new ChainCheck(rows, OptionalLong.empty(), "", 0, 0, 0, "");
    }

    static ChainCheck broken(long rows, long id, String reason) {
        return new ChainCheck(rows, OptionalLong.of(id), reason, 0, 0, 0, "");
    }

    public boolean intact() {
        return firstBrokenId.isEmpty();
    }
}

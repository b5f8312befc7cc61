package io.tracemark.records.audit;

import io.tracemark.store.AuditEntry;

/**
 * What {@code audit verify} and {@code GET /api/v1/audit/verify} report.
 *
 * @param intact           whether every entry checked, link and anchor matches
 * @param from             the time of the first entry checked, as given ({@code null}: all)
 * @param entriesChecked   entries found intact (before the first broken one)
 * @param firstBrokenEntry the id of the first entry that does not match, or null
 * @param reason           why it does not match; empty when intact
 * @param brokenEntry      that entry as stored, or null (when missing, or intact)
 * @param unkeyedEntries   entries that predate the keyed chain (SHA-256 only; sealed by the first keyed entry)
 * @param anchorsChecked   anchors compared with the trail
 * @param externalAnchors  anchors given from outside (the platform's copies), 0 when none were asked for
 * @param headEntry        the last entry checked
 * @param headHash         its hash
 * @param keyId            the public id of the station key
 * @param keyFile          where the station key is
 * @param seconds          how long the check took
 */
public record AuditVerdict(boolean intact, String from, long entriesChecked, Long firstBrokenEntry, String reason,
                           AuditEntry brokenEntry, long unkeyedEntries, long anchorsChecked, int externalAnchors,
                           long headEntry, String headHash, String keyId, String keyFile, double seconds) {
}

package io.tracemark.records.report;

import java.time.Instant;

/**
 * A person's sign-off of a batch report: their PIN was checked, and the sign-off is an entry of the
 * keyed audit chain that names the report's content digest (so neither can be changed unnoticed).
 *
 * @param userId     who signed
 * @param name       their name
 * @param role       their role (supervisor or admin)
 * @param at         when
 * @param auditEntry the audit entry recording the sign-off
 * @param contentDigest SHA-256 of the report's content as signed (every row of every block before this one)
 */
public record ReportSignature(String userId, String name, String role, Instant at, long auditEntry, String contentDigest) {
}

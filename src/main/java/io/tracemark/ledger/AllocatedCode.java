package io.tracemark.ledger;

/**
 * A code reserved for a job.
 *
 * @param codeId the ledger's row id
 * @param code   the code itself
 * @param scheme its scheme, as imported
 */
public record AllocatedCode(long codeId, String code, String scheme) {
}

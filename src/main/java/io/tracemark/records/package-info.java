/**
 * Records that last (guideline 7.1.3, 4 b/d): the audit trail's verification and listing
 * ({@code records.audit}), the batch report ({@code records.report}) and the GS1 EPCIS 2.0 export
 * ({@code records.epcis}). May import core, codes, ledger, pack and store (DESIGN.md section 3).
 */
package io.tracemark.records;

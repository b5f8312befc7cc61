package io.tracemark.pack;

import io.tracemark.core.CodeState;
import java.util.Optional;

/**
 * What packing needs to know of a unit scanned as a child, read from the ledger's tables in the packing
 * transaction.
 *
 * @param unitId    the unit's row id
 * @param code      its code
 * @param jobId     its job
 * @param productId the job's product, when the job has details
 * @param state     its state
 * @param units     how many units carry the code (more than one: a batch-level code, which a scan cannot tell apart)
 * @param caseId    the case it is in now
 */
record ChildUnit(long unitId, String code, String jobId, Optional<String> productId, CodeState state, int units,
                 Optional<Long> caseId) {
}

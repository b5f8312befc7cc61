package io.tracemark.ledger;

import io.tracemark.core.CodeState;
import java.util.Optional;

/**
 * One printed label: a code sent to the printer for one product. Item-level codes have one unit;
 * batch-level codes one unit per printed label.
 *
 * @param id     the unit's row id, used to give its verdict
 * @param jobId  the job
 * @param seq    1, 2, 3, ... in the order sent within the job (the FIFO position)
 * @param code   the code printed
 * @param state  SENT, or its verdict VERIFIED / REJECTED / VOIDED
 * @param reason why it was rejected or voided
 * @param grade  print quality grade reported by verification
 */
public record Unit(long id, String jobId, int seq, String code, CodeState state, Optional<String> reason,
                   Optional<String> grade) {
}

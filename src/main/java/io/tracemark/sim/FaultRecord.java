package io.tracemark.sim;

import java.time.Instant;

/**
 * A fault that happened in a virtual printer: the truth tests compare against.
 *
 * @param seq  the label it concerns: the damaged label for SMEAR and PARTIAL (also the partial label
 *             of PAPER_OUT and RIBBON_OUT), else the label that was next to print
 * @param kind what happened
 * @param at   when
 */
public record FaultRecord(long seq, FaultKind kind, Instant at) {
}

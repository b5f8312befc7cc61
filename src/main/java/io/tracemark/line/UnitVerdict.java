package io.tracemark.line;

import java.time.Instant;

/**
 * The verdict on one printed unit.
 *
 * @param verified true when the unit is ready to ship
 * @param reason   for a reject: no-read, wrong-code, duplicate, low-grade, missing-label; empty otherwise
 * @param grade    overall print-quality grade letter (A–F), or empty when nothing was read
 */
public record UnitVerdict(long unitId, long seq, String code, boolean verified, String reason, String grade,
                          Instant at) {
}

package io.tracemark.ledger;

import java.time.Instant;

/** A REJECTED unit as the ledger holds it, for the reject log; {@code grade} is "" when none was given. */
public record RejectedUnit(long unitId, String jobId, String code, String reason, String grade, Instant at) {
}

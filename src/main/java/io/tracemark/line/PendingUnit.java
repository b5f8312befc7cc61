package io.tracemark.line;

import io.tracemark.verify.Expectation;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;

/**
 * A unit sent to the printer and not yet judged. Challenge units have negative ids and are not in
 * the ledger; their outcome completes {@code challenge}.
 */
final class PendingUnit {

    final long unitId;
    final int seq;
    final String code;
    final Expectation expectation;
    final String canonical;
    final Instant sentAt;
    final CompletableFuture<ChallengeResult> challenge;
    /** When the printer confirmed the label, null before. */
    Instant printedAt;
    /**
     * Settled without a verdict from a result (voided, stopped in flight, timed out): its label may
     * still pass the camera, and its result is then discarded.
     */
    boolean settled;
    /**
     * Settled by voiding (in flight at a stop, or by a supervisor), not by a verdict: its label must not
     * ship, so if it still reaches the camera the gate throws it out.
     */
    boolean voided;
    /**
     * Not confirmed by the printer when the line stopped: it may or may not have printed. Its slot is
     * kept; a result whose content shows it never came out removes it.
     */
    boolean maybe;
    /** The capture epoch the unit was sent in. */
    int epoch;

    PendingUnit(long unitId, int seq, String code, Expectation expectation, Instant sentAt,
                CompletableFuture<ChallengeResult> challenge) {
        this.unitId = unitId;
        this.seq = seq;
        this.code = code;
        this.expectation = expectation;
        this.canonical = ExpectedContent.canonical(expectation);
        this.sentAt = sentAt;
        this.challenge = challenge;
    }

    boolean isChallenge() {
        return challenge != null;
    }
}

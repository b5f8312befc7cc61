package io.tracemark.line;

/**
 * Outcome of a challenge test: a deliberately wrong label was printed; the verifier had to reject it
 * and the reject gate had to fire (and confirm, when it has a sensor).
 */
public record ChallengeResult(boolean passed, boolean verifierRejected, boolean gateFired, String detail) {
}

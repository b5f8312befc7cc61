package io.tracemark.line;

import io.tracemark.verify.Expectation;
import java.util.Optional;

/** The labels of one job: ZPL per unit and what the camera must read back. Thread-safe. */
public interface JobLabels {

    /** ZPL to send once before the job's first label (a stored format, fonts), or empty. */
    String setupZpl();

    /** The ZPL of the unit printed with {@code code}: one label. */
    String unitZpl(String code);

    /** What the verification code of that unit must contain (GS1 element string, Digital Link or plain code). */
    Expectation expectation(String code);

    /**
     * A code of the same scheme and shape as {@code like} that differs from it, for the challenge
     * test ({@code salt} makes it unique). Never a code the ledger could hold for this job.
     */
    String challengeCode(String like, long salt);

    /** A PNG of the label of {@code code}, when the implementation can render one. */
    default Optional<byte[]> preview(String code) {
        return Optional.empty();
    }
}

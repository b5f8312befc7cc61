package io.tracemark.master;

import java.time.Instant;

/**
 * A person's confirmation that a USCC whose check character fails was really issued like that
 * (checked with the registration authority). Shown beside the code wherever the producer is shown.
 *
 * @param uscc        the code confirmed
 * @param confirmedBy the person who confirmed it
 * @param confirmedAt when
 * @param confirmedOn where, when not at this station: the traceability platform on which the person
 *                    confirmed it (it came with the platform's master data); null when confirmed here
 */
public record UsccConfirmation(String uscc, String confirmedBy, Instant confirmedAt, String confirmedOn) {

    /** A confirmation made at this station. */
    public UsccConfirmation(String uscc, String confirmedBy, Instant confirmedAt) {
        this(uscc, confirmedBy, confirmedAt, null);
    }

    /** Whether it was made on a platform rather than at this station. */
    public boolean onPlatform() {
        return confirmedOn != null;
    }
}

package io.tracemark.master;

import java.time.Instant;

/**
 * A person's confirmation that a USCC whose check character fails was really issued like that
 * (checked with the registration authority). Shown beside the code wherever the producer is shown.
 *
 * @param uscc        the code confirmed
 * @param confirmedBy the person who confirmed it
 * @param confirmedAt when
 */
public record UsccConfirmation(String uscc, String confirmedBy, Instant confirmedAt) {
}

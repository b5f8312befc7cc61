package io.tracemark.platform.wire;

import java.time.Instant;

/**
 * A person's confirmation that a USCC whose check character fails (GB 32100) was really issued so,
 * checked with the registration authority; carried with the {@link Producer} it belongs to.
 *
 * @param uscc        the code confirmed
 * @param confirmedBy the person who confirmed it
 * @param confirmedAt when
 * @param confirmedOn where: the platform on which it was confirmed
 */
public record UsccConfirmation(String uscc, String confirmedBy, Instant confirmedAt, String confirmedOn) {
}

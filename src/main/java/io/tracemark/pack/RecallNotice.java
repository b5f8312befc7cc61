package io.tracemark.pack;

import java.time.Instant;

/**
 * A recall the station recorded and announced to the platform (guideline 6.4).
 *
 * @param id       its row id
 * @param selector what it started from
 * @param reason   why (told to consumers by the platform)
 * @param units    units the recall covers
 * @param events   RECALLED events queued for the platform (one per verified unit: the others never left the line)
 * @param by       who recorded it
 * @param at       when
 */
public record RecallNotice(long id, String selector, String reason, long units, long events, String by, Instant at) {
}

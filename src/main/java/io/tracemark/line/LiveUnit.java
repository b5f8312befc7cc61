package io.tracemark.line;

import java.awt.Rectangle;
import java.time.Instant;
import java.util.Optional;

/**
 * The unit the live view shows: its verdict, and whether its camera frame and label can be shown. The
 * frame is the one the verdict was given on (paired by the matcher, by trigger number or capture
 * epoch), and the label is drawn from the ZPL the station sent for this unit's code, so the three
 * always belong to the same unit; a label cut short by the printer is never shown as this unit's.
 *
 * @param challenge true for the challenge test's deliberately wrong label (never a unit of the ledger)
 * @param jobId     the job of the unit
 * @param read      what the camera read (printable), empty when nothing was read
 * @param hasFrame  whether {@link LineControl#liveFrame} has this unit's camera frame
 * @param foundAt   where in that frame the code was found (frame pixels), when the decoder says
 * @param frameWidth  the frame's width in pixels (0 without a frame)
 * @param frameHeight the frame's height in pixels (0 without a frame)
 */
public record LiveUnit(long unitId, long seq, String code, boolean challenge, boolean verified, String reason,
                       String grade, String read, Instant at, String jobId, boolean hasFrame,
                       Optional<Rectangle> foundAt, int frameWidth, int frameHeight) {
}

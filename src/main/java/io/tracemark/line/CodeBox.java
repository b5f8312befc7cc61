package io.tracemark.line;

import java.awt.Rectangle;
import java.time.Instant;

/**
 * The region of a scanner's camera frames the decoder searches, drawn by a supervisor.
 *
 * @param box         frame pixels
 * @param frameWidth  the width of the frame it was drawn on (pixels)
 * @param frameHeight the height of that frame
 * @param setBy       who drew it (empty before it is stored)
 */
public record CodeBox(Rectangle box, int frameWidth, int frameHeight, String setBy, Instant setAt) {

    public CodeBox {
        box = new Rectangle(box);
    }

    @Override
    public Rectangle box() {
        return new Rectangle(box);
    }
}

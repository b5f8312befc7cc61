package io.tracemark.verify;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One image from an {@link ImageSource}.
 *
 * @param image   the picture as the camera took it
 * @param at      when it was taken (or when the file appeared)
 * @param id      a name for logs and for looking the frame up later (file name, sequence number)
 * @param codeBox where the code lies in the frame, when the source knows (frame pixels)
 * @param trigger the camera's trigger (sequence) number of the frame, when the camera numbers them
 */
public record Frame(BufferedImage image, Instant at, String id, Optional<Rectangle> codeBox, OptionalLong trigger) {

    /** A frame from a source that does not number its frames. */
    public Frame(BufferedImage image, Instant at, String id, Optional<Rectangle> codeBox) {
        this(image, at, id, codeBox, OptionalLong.empty());
    }
}

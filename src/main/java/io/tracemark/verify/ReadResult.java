package io.tracemark.verify;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** What a scanner reports for one trigger or one frame: a read, a no-read, or a bad read. */
public sealed interface ReadResult {

    /** When the scanner produced the result. */
    Instant at();

    /**
     * The reader's trigger (sequence) number of this result, when the reader sends one: consecutive
     * triggers have consecutive numbers, so a gap is a missing result and a repeat an extra one.
     */
    default OptionalLong trigger() {
        return OptionalLong.empty();
    }

    /**
     * A decoded symbol. {@code data} is the decoded text (GS1 separators as ASCII 29),
     * {@code symbologyId} the AIM identifier such as {@code ]d2} or {@code ]C1}, or "" when the
     * reader does not send one. {@code foundAt} is where the decoder found the symbol in {@code image}
     * (image pixels), when the station decoded the image itself.
     */
    record Read(String data, String symbologyId, Optional<Grades> grades, Optional<BufferedImage> image,
                Instant at, OptionalLong trigger, Optional<Rectangle> foundAt) implements ReadResult {

        /** A read that does not say where in the image the symbol was ({@code foundAt} empty). */
        public Read(String data, String symbologyId, Optional<Grades> grades, Optional<BufferedImage> image,
                    Instant at, OptionalLong trigger) {
            this(data, symbologyId, grades, image, at, trigger, Optional.empty());
        }

        /** A read from a reader that does not number its triggers. */
        public Read(String data, String symbologyId, Optional<Grades> grades, Optional<BufferedImage> image,
                    Instant at) {
            this(data, symbologyId, grades, image, at, OptionalLong.empty());
        }
    }

    /** The scanner saw no readable symbol; {@code reason} says why when known (e.g. "NOREAD"). */
    record NoRead(Instant at, Optional<BufferedImage> image, String reason, OptionalLong trigger)
            implements ReadResult {

        /** A no-read from a reader that does not number its triggers. */
        public NoRead(Instant at, Optional<BufferedImage> image, String reason) {
            this(at, image, reason, OptionalLong.empty());
        }
    }

    /**
     * Input the station could not understand: garbage, binary or over-long output. {@code raw} is
     * sanitized (control bytes escaped) and truncated; {@code why} names the problem.
     */
    record BadRead(Instant at, String raw, String why) implements ReadResult {
    }
}

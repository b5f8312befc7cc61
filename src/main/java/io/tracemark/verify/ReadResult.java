package io.tracemark.verify;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.util.Optional;

/** What a scanner reports for one trigger or one frame: a read, a no-read, or a bad read. */
public sealed interface ReadResult {

    /** When the scanner produced the result. */
    Instant at();

    /**
     * A decoded symbol. {@code data} is the decoded text (GS1 separators as ASCII 29),
     * {@code symbologyId} the AIM identifier such as {@code ]d2} or {@code ]C1}, or "" when the
     * reader does not send one.
     */
    record Read(String data, String symbologyId, Optional<Grades> grades, Optional<BufferedImage> image,
                Instant at) implements ReadResult {
    }

    /** The scanner saw no readable symbol; {@code reason} says why when known (e.g. "NOREAD"). */
    record NoRead(Instant at, Optional<BufferedImage> image, String reason) implements ReadResult {
    }

    /**
     * Input the station could not understand: garbage, binary or over-long output. {@code raw} is
     * sanitized (control bytes escaped) and truncated; {@code why} names the problem.
     */
    record BadRead(Instant at, String raw, String why) implements ReadResult {
    }
}

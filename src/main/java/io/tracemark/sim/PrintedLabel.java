package io.tracemark.sim;

import java.awt.image.BufferedImage;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * One label that came out of a {@link VirtualPrinter}.
 *
 * @param seq   1-based count of labels this printer has printed (partial ones included)
 * @param zpl   the label's format as received ({@code ^XA...^XZ}, possibly an {@code ^XF} recall)
 * @param image the rendered label (1-bit, one pixel per printer dot), damaged when the fault plan
 *              says so; rendered on first call and then kept
 */
public record PrintedLabel(long seq, String zpl, Supplier<BufferedImage> image) {

    public PrintedLabel {
        Objects.requireNonNull(zpl, "zpl");
        Objects.requireNonNull(image, "image");
    }
}

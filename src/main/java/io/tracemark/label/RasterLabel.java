package io.tracemark.label;

import java.awt.image.BufferedImage;
import java.util.List;

/**
 * One label the rasterizer printed.
 *
 * @param image      1-bit image, one pixel per printer dot, white paper; null from a rasterizer that does not
 *                   draw ({@link ZplRasterizer#withoutDrawing})
 * @param quantity   copies requested by {@code ^PQ} (1 when absent)
 * @param dotsPerMm  resolution the image was drawn at
 * @param fields     what was drawn, in drawing order
 */
public record RasterLabel(BufferedImage image, int quantity, int dotsPerMm, List<RenderedField> fields) {

    public RasterLabel {
        fields = List.copyOf(fields);
    }

    public double widthMm() {
        return (double) image.getWidth() / dotsPerMm;
    }

    public double heightMm() {
        return (double) image.getHeight() / dotsPerMm;
    }
}

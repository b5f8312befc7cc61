package io.tracemark.sim;

import java.awt.image.BufferedImage;

/**
 * Turns the ZPL a virtual printer prints into an image. Stateful like a printer: stored formats
 * ({@code ^DF}) arrive through {@link #storeFormat(String)} in stream order, and later {@code ^XF}
 * labels recall them.
 */
public interface LabelRenderer {

    /** A {@code ^XA^DF...^XZ} block arrived; keep it for later recalls. */
    void storeFormat(String dfZpl);

    /** Renders one printed label ({@code ^XA...^XZ}, possibly an {@code ^XF} recall) as a 1-bit image. */
    BufferedImage render(String labelZpl);
}

package io.tracemark.verify;

import java.awt.Rectangle;

/**
 * Where a grade parameter was measured: the symbol's own region with its quiet zone, as the decoder
 * found it, in frame pixels (not the frame, not the code box), and the module size there.
 *
 * @param x               left edge of the region, frame pixels
 * @param y               top edge of the region, frame pixels
 * @param width           region width, frame pixels
 * @param height          region height, frame pixels
 * @param pixelsPerModule mean module size (X dimension) in frame pixels
 * @param quietZoneModules the quiet zone included around the symbol, in modules
 */
public record MeasuredOn(int x, int y, int width, int height, double pixelsPerModule, double quietZoneModules) {

    static MeasuredOn of(Rectangle r, double pixelsPerModule, double quietZoneModules) {
        return new MeasuredOn(r.x, r.y, r.width, r.height, Math.round(pixelsPerModule * 100.0) / 100.0,
                quietZoneModules);
    }
}

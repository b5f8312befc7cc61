package io.tracemark.app;

import io.tracemark.label.LabelTarget;
import io.tracemark.label.RasterLabel;
import io.tracemark.label.ZplRasterizer;
import io.tracemark.sim.LabelRenderer;
import java.awt.image.BufferedImage;
import java.util.List;

/** Lets a virtual printer draw what it prints with the label package's ZPL rasterizer. */
final class RasterRenderer implements LabelRenderer {

    private final ZplRasterizer rasterizer;
    private final int width;
    private final int height;

    RasterRenderer(LabelTarget target, int width, int height) {
        this.rasterizer = new ZplRasterizer(target);
        this.width = width;
        this.height = height;
    }

    @Override
    public synchronized void storeFormat(String dfZpl) {
        rasterizer.feed(dfZpl);
    }

    @Override
    public synchronized BufferedImage render(String labelZpl) {
        List<RasterLabel> labels = rasterizer.feed(labelZpl);
        if (labels.isEmpty()) {
            return new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        }
        return labels.get(0).image();
    }
}

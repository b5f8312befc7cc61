package io.tracemark.app;

import io.tracemark.label.CjkFontMode;
import io.tracemark.label.LabelTarget;
import io.tracemark.label.RasterLabel;
import io.tracemark.label.ZplRasterizer;
import io.tracemark.printer.PrinterProfile;
import io.tracemark.sim.LabelRenderer;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Lets a virtual printer draw what it prints with the label package's ZPL rasterizer: real
 * barcodes, text and stored formats, as the camera and the decoder need them.
 */
public final class RasterRenderer implements LabelRenderer {

    private final ZplRasterizer rasterizer;
    private final int width;
    private final int height;

    RasterRenderer(LabelTarget target, int width, int height) {
        this.rasterizer = new ZplRasterizer(target);
        this.width = width;
        this.height = height;
    }

    /** A renderer for a printer of this profile (resolution, label size, resident CJK font, stored formats). */
    public static RasterRenderer of(PrinterProfile profile) {
        return new RasterRenderer(target(profile), profile.printWidthDots(), profile.labelLengthDots());
    }

    /** What the label package renders for a printer of this profile. */
    static LabelTarget target(PrinterProfile profile) {
        return new LabelTarget(profile.resolutionDpmm(), CjkFontMode.RESIDENT, profile.cjkFont().residentName(),
                profile.storedFormats());
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

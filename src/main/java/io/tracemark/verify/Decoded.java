package io.tracemark.verify;

import java.awt.Rectangle;
import java.util.Optional;

/**
 * One successful decode of a frame.
 *
 * @param data            decoded text; GS1 field separators are ASCII 29 (GS)
 * @param symbologyId     AIM symbology identifier from ZXing, e.g. {@code ]d2}, {@code ]C1}, {@code ]Q1}
 * @param symbology       the symbology
 * @param strategy        the decode strategy that read it
 * @param region          the region of the frame that was searched (frame pixels)
 * @param view            the image the symbol was decoded from (region after scaling / rotation)
 * @param viewToFrame     where a point of {@code view} lies in the frame
 * @param geometry        where the symbol lies in {@code view}, when the detector could say
 * @param errorsCorrected Reed-Solomon errors ZXing corrected, or -1 when unknown
 * @param ecLevel         QR error-correction level (L, M, Q, H) or "" for other symbologies
 * @param nanos           time spent decoding, all strategies included
 */
public record Decoded(String data, String symbologyId, Symbology symbology, DecodeStrategy strategy,
                      Rectangle region, GrayImage view, ViewMapping viewToFrame, Optional<SymbolGeometry> geometry,
                      int errorsCorrected, String ecLevel, long nanos) {

    /** True when the symbology identifier announces GS1 content (FNC1 first). */
    public boolean gs1() {
        return Symbology.gs1(symbologyId);
    }

    /** Frame pixels per {@link #view} pixel (the view may be a scaled crop). */
    public double frameScale() {
        return viewToFrame.scale();
    }

    /** A point of {@link #view} (continuous pixel coordinates) in frame coordinates. */
    public double[] toFrame(double x, double y) {
        return viewToFrame.toFrame(x, y);
    }

    /**
     * Where the symbol lies in the frame: the rectangle bounding the corner points ZXing's detector
     * found (its {@code ResultPoint}s, kept in {@link #geometry}), or the region searched when the
     * detector could not say.
     */
    public Rectangle foundAt() {
        if (geometry.isEmpty()) {
            return new Rectangle(region);
        }
        if (geometry.get() instanceof SymbolGeometry.Matrix m) {
            // the target points are the centres of the corner modules: widen by half a module
            float[] t = m.target();
            Rectangle r = frameBounds(t[0], t[1], t[2], t[3], t[4], t[5], t[6], t[7]);
            int half = (int) Math.ceil(Math.max(r.width / (double) m.columns(), r.height / (double) m.rows()) / 2);
            r.grow(half, half);
            return r;
        }
        SymbolGeometry.Linear l = (SymbolGeometry.Linear) geometry.get();
        Rectangle r = frameBounds(l.x0(), l.y(), l.x1(), l.y());
        int tall = Math.max(4, (int) Math.round(region.height * 0.4));
        return new Rectangle(r.x, r.y - tall / 2, Math.max(1, r.width), tall);
    }

    /** This decode made in a crop at ({@code x}, {@code y}) of a larger frame, in that frame's pixels. */
    Decoded inFrameAt(int x, int y) {
        Rectangle shifted = new Rectangle(region.x + x, region.y + y, region.width, region.height);
        return new Decoded(data, symbologyId, symbology, strategy, shifted, view,
                ViewMapping.crop(x, y).after(viewToFrame), geometry, errorsCorrected, ecLevel, nanos);
    }

    /** The frame rectangle bounding the given view points (x0, y0, x1, y1, …). */
    public Rectangle frameBounds(double... viewPoints) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i + 1 < viewPoints.length; i += 2) {
            double[] p = toFrame(viewPoints[i], viewPoints[i + 1]);
            minX = Math.min(minX, p[0]);
            minY = Math.min(minY, p[1]);
            maxX = Math.max(maxX, p[0]);
            maxY = Math.max(maxY, p[1]);
        }
        int x = (int) Math.floor(minX);
        int y = (int) Math.floor(minY);
        return new Rectangle(x, y, (int) Math.ceil(maxX) - x, (int) Math.ceil(maxY) - y);
    }
}

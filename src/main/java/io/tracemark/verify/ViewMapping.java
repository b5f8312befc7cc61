package io.tracemark.verify;

/**
 * The affine map from the pixels of a decoder's view (a crop, possibly scaled, turned or rectified)
 * back to frame pixels: {@code fx = a·x + b·y + c}, {@code fy = d·x + e·y + f} (continuous
 * coordinates, pixel centres at +0.5).
 */
public record ViewMapping(double a, double b, double c, double d, double e, double f) {

    /** A crop at ({@code x}, {@code y}) of the frame, unscaled. */
    static ViewMapping crop(double x, double y) {
        return new ViewMapping(1, 0, x, 0, 1, y);
    }

    /** This mapping applied after {@code inner} (view → inner's target → this target). */
    ViewMapping after(ViewMapping inner) {
        return new ViewMapping(a * inner.a + b * inner.d, a * inner.b + b * inner.e, a * inner.c + b * inner.f + c,
                d * inner.a + e * inner.d, d * inner.b + e * inner.e, d * inner.c + e * inner.f + f);
    }

    public double[] toFrame(double x, double y) {
        return new double[] {a * x + b * y + c, d * x + e * y + f};
    }

    /** Frame pixels per view pixel. */
    public double scale() {
        return Math.sqrt(Math.abs(a * e - b * d));
    }
}

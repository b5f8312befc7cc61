package io.tracemark.verify;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.PerspectiveTransform;

/**
 * Where a decoded symbol lies in the image it was decoded from, as the grader needs it.
 */
public sealed interface SymbolGeometry {

    /**
     * A matrix symbol of {@code columns} × {@code rows} modules (finder and clock patterns included).
     * Four reference points in module coordinates ({@code source}: x0,y0,…,x3,y3; module (c, r) has
     * its centre at c+0.5, r+0.5) map to four pixel positions ({@code target}); the perspective
     * transform between them places every module. {@code bits} is the grid as the detector sampled it
     * (true = dark).
     */
    record Matrix(int columns, int rows, float[] source, float[] target, BitMatrix bits)
            implements SymbolGeometry {

        public Matrix {
            source = source.clone();
            target = target.clone();
        }

        /** The same grid with different pixel positions for the four reference points. */
        public Matrix withTarget(float[] newTarget) {
            return new Matrix(columns, rows, source, newTarget, bits);
        }

        public PerspectiveTransform transform() {
            return PerspectiveTransform.quadrilateralToQuadrilateral(
                    source[0], source[1], source[2], source[3], source[4], source[5], source[6], source[7],
                    target[0], target[1], target[2], target[3], target[4], target[5], target[6], target[7]);
        }

        /** Pixel position of the point at module coordinates (u, v). */
        public double[] toImage(double u, double v) {
            float[] p = {(float) u, (float) v};
            transform().transformPoints(p);
            return new double[] {p[0], p[1]};
        }
    }

    /** A linear symbol found on the row {@code y} between {@code x0} and {@code x1} (pixels). */
    record Linear(double x0, double x1, double y) implements SymbolGeometry {
    }
}

package io.tracemark.verify;

/**
 * Refines a detector's grid so that sampling points sit on module centres: ZXing's corner estimates
 * are good enough to decode but can be a pixel off, which would make modulation look worse than it
 * is. Coordinate descent on the four reference points maximizes the summed distance of module-centre
 * samples from their mean (centres of a blurred module are its most extreme pixels).
 */
final class GridFit {

    private static final double[] STEPS = {0.4};
    /** A cross-shaped aperture: off-centre samples fall on a neighbour when the grid is off. */
    private static final float[][] CROSS = {{0, 0}, {-0.35f, 0}, {0.35f, 0}, {0, -0.35f}, {0, 0.35f}};

    private GridFit() {
    }

    static SymbolGeometry.Matrix refine(GrayImage img, SymbolGeometry.Matrix m) {
        return refine(img, m, STEPS);
    }

    /** Refinement from coarse steps (pixels) down, for a grid that may be a module or two off at a corner. */
    static SymbolGeometry.Matrix refine(GrayImage img, SymbolGeometry.Matrix m, double[] steps) {
        float[] best = m.target().clone();
        double bestScore = score(img, m);
        for (double step : steps) {
            boolean improved = true;
            for (int round = 0; improved && round < 2; round++) {
                improved = false;
                for (int i = 0; i < best.length; i++) {
                    for (int sign = -1; sign <= 1; sign += 2) {
                        float[] trial = best.clone();
                        trial[i] += (float) (sign * step);
                        double s = score(img, m.withTarget(trial));
                        if (s > bestScore + 1e-6) {
                            bestScore = s;
                            best = trial;
                            improved = true;
                        }
                    }
                }
            }
        }
        return m.withTarget(best);
    }

    /** The modules sampled at their centres through {@code m}, dark below the mean level (true = dark). */
    static com.google.zxing.common.BitMatrix resample(GrayImage img, SymbolGeometry.Matrix m) {
        com.google.zxing.common.PerspectiveTransform t = m.transform();
        int n = m.columns() * m.rows();
        float[] points = new float[2 * n];
        for (int r = 0, k = 0; r < m.rows(); r++) {
            for (int c = 0; c < m.columns(); c++) {
                points[k++] = c + 0.5f;
                points[k++] = r + 0.5f;
            }
        }
        t.transformPoints(points);
        double[] v = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            v[i] = img.sample(points[2 * i], points[2 * i + 1]);
            mean += v[i] / n;
        }
        com.google.zxing.common.BitMatrix bits = new com.google.zxing.common.BitMatrix(m.columns(), m.rows());
        for (int i = 0; i < n; i++) {
            if (v[i] < mean) {
                bits.set(i % m.columns(), i / m.columns());
            }
        }
        return bits;
    }

    private static double score(GrayImage img, SymbolGeometry.Matrix m) {
        com.google.zxing.common.PerspectiveTransform t = m.transform();
        // every other module (a checkerboard) is enough to tell where the module centres are
        int n = (m.columns() * m.rows() + 1) / 2;
        float[] points = new float[2 * n * CROSS.length];
        int k = 0;
        for (int r = 0; r < m.rows(); r++) {
            for (int c = r % 2; c < m.columns(); c += 2) {
                for (float[] d : CROSS) {
                    points[k++] = c + 0.5f + d[0];
                    points[k++] = r + 0.5f + d[1];
                }
            }
        }
        t.transformPoints(points);
        double[] v = new double[n];
        double mean = 0;
        for (int i = 0; i < n; i++) {
            double sum = 0;
            for (int j = 0; j < CROSS.length; j++) {
                int at = 2 * (i * CROSS.length + j);
                sum += img.sample(points[at], points[at + 1]);
            }
            v[i] = sum / CROSS.length;
            mean += v[i];
        }
        mean /= n;
        double sum = 0;
        for (double x : v) {
            sum += Math.abs(x - mean);
        }
        return sum;
    }
}

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

    /**
     * Refinement from coarse steps (pixels) down, for a grid that may be a module or two off at a corner.
     * The sample pattern (module coordinates) is laid out once and every trial only transforms and
     * samples it; a step back to where the previous trial started is not evaluated again (its score is
     * known to be lower).
     */
    static SymbolGeometry.Matrix refine(GrayImage img, SymbolGeometry.Matrix m, double[] steps) {
        Pattern pattern = new Pattern(m);
        float[] best = m.target().clone();
        double bestScore = pattern.score(img, m);
        for (double step : steps) {
            boolean improved = true;
            for (int round = 0; improved && round < 2; round++) {
                improved = false;
                for (int i = 0; i < best.length; i++) {
                    for (int sign = -1; sign <= 1; sign += 2) {
                        float[] trial = best.clone();
                        trial[i] += (float) (sign * step);
                        double s = pattern.score(img, m.withTarget(trial));
                        if (s > bestScore + 1e-6) {
                            bestScore = s;
                            best = trial;
                            improved = true;
                            // the other sign would lead back to the point just left
                            break;
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

    /**
     * The sample points of the fit's score, in module coordinates: every other module (a checkerboard
     * is enough to tell where the module centres are), each through the {@link #CROSS} aperture; with
     * scratch arrays reused by every trial of one refinement.
     */
    private static final class Pattern {

        private final float[] modulePoints;
        private final float[] points;
        private final long[] sums;
        private final int modules;

        Pattern(SymbolGeometry.Matrix m) {
            modules = (m.columns() * m.rows() + 1) / 2;
            modulePoints = new float[2 * modules * CROSS.length];
            int k = 0;
            for (int r = 0; r < m.rows(); r++) {
                for (int c = r % 2; c < m.columns(); c += 2) {
                    for (float[] d : CROSS) {
                        modulePoints[k++] = c + 0.5f + d[0];
                        modulePoints[k++] = r + 0.5f + d[1];
                    }
                }
            }
            points = new float[modulePoints.length];
            sums = new long[modules];
        }

        /** Summed distance of the aperture means from their mean level (sharper when centred). */
        double score(GrayImage img, SymbolGeometry.Matrix m) {
            System.arraycopy(modulePoints, 0, points, 0, points.length);
            m.transform().transformPoints(points);
            long total = 0;
            int apertureFloats = 2 * CROSS.length;
            int w = img.width();
            int h = img.height();
            byte[] p = img.pixels();
            // bilinear samples in fixed point (1/256 pixel, 8-bit weights): the fit's inner loop
            int maxX = (w - 1) * 256 - 1;
            int maxY = (h - 1) * 256 - 1;
            for (int i = 0; i < modules; i++) {
                int sum = 0;
                for (int at = i * apertureFloats, end = at + apertureFloats; at < end; at += 2) {
                    int fx = Math.max(0, Math.min(maxX, (int) ((points[at] - 0.5f) * 256f)));
                    int fy = Math.max(0, Math.min(maxY, (int) ((points[at + 1] - 0.5f) * 256f)));
                    int k = (fy >> 8) * w + (fx >> 8);
                    int dx = fx & 0xff;
                    int dy = fy & 0xff;
                    int top = (p[k] & 0xff) * (256 - dx) + (p[k + 1] & 0xff) * dx;
                    int bottom = (p[k + w] & 0xff) * (256 - dx) + (p[k + w + 1] & 0xff) * dx;
                    sum += top * (256 - dy) + bottom * dy;
                }
                sums[i] = sum;
                total += sum;
            }
            double mean = (double) total / modules;
            double score = 0;
            for (int i = 0; i < modules; i++) {
                score += Math.abs(sums[i] - mean);
            }
            return score / (CROSS.length * 65536.0);
        }
    }

}

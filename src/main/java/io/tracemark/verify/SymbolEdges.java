package io.tracemark.verify;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.common.PerspectiveTransform;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Corrects a Data Matrix grid for perspective by tracing each side of the symbol as its own
 * regression line: the L-shape sampler lays a parallelogram grid, but the camera at an angle makes
 * the symbol a trapezoid, so one side is off by a module or more at its ends. Along each side, scan
 * lines across the edge find where the symbol's outermost dark begins; a line through those points,
 * refitted while the points that lie well inside it are dropped (on a clock track the light modules
 * let the scan run one module deeper), gives the side; the four intersections are the symbol's outer
 * corners and a perspective transform through them places every module. The idea of fitting a line
 * per side follows zxing-cpp's Data Matrix detector (src/datamatrix/DMDetector.cpp, RegressionLine;
 * public source); the code is ours. Stateless.
 */
final class SymbolEdges {

    /** Scan lines start this many modules outside the grid's side and end as far inside it. */
    private static final double REACH = 1.5;
    private static final double STEP = 0.1;
    private static final int REFITS = 3;
    /** Edge points more than this many modules inside the line are a clock track's light modules. */
    private static final double INSIDE = 0.35;

    private SymbolEdges() {
    }

    /**
     * An L-shape grid corrected for perspective ({@link #fit}) and sampled at the L's size and
     * at the square sizes two and four modules either side (noise on a clock track miscounts it): the
     * first size {@code decodes} accepts, with its modules; empty when none does.
     */
    static Optional<SymbolGeometry.Matrix> traced(GrayImage view, SymbolGeometry.Matrix grid,
                                                  Predicate<BitMatrix> decodes) {
        BitMatrix bits = grid.bits();
        Optional<SymbolGeometry.Matrix> edges = fit(view, grid);
        if (edges.isEmpty()) {
            return Optional.empty();
        }
        int cols = grid.columns();
        int rows = grid.rows();
        int[] deltas = cols == rows ? new int[] {0, -2, 2, -4, 4} : new int[] {0};
        for (int d : deltas) {
            int c = cols + d;
            int r = rows + d;
            if (c < 10 || r < 10 || c > 144) {
                continue;
            }
            SymbolGeometry.Matrix sized = new SymbolGeometry.Matrix(c, r, new float[] {0, 0, c, 0, c, r, 0, r},
                    edges.get().target(), bits);
            BitMatrix sampledBits = GridFit.resample(view, sized);
            if (decodes.test(sampledBits)) {
                return Optional.of(new SymbolGeometry.Matrix(c, r, sized.source(), sized.target(), sampledBits));
            }
        }
        return Optional.empty();
    }

    /** The grid with its four outer corners at the fitted sides' intersections; empty when a side fits nothing. */
    static Optional<SymbolGeometry.Matrix> fit(GrayImage view, SymbolGeometry.Matrix grid) {
        int cols = grid.columns();
        int rows = grid.rows();
        PerspectiveTransform t = grid.transform();
        double threshold = meanLevel(view, grid, t);
        // sides in module coordinates: a point on the side at parameter s, and the outward normal
        double[][] lines = new double[4][];
        double[][][] sides = {
            {{0, 0}, {1, 0}, {0, -1}, {cols, 0}},
            {{cols, 0}, {0, 1}, {1, 0}, {rows, 0}},
            {{0, rows}, {1, 0}, {0, 1}, {cols, 0}},
            {{0, 0}, {0, 1}, {-1, 0}, {rows, 0}},
        };
        for (int i = 0; i < 4; i++) {
            double[][] side = sides[i];
            List<double[]> points = edgePoints(view, t, side[0], side[1], side[2], (int) side[3][0], threshold);
            double[] outward = outwardInView(t, side[0], side[1], side[2], side[3][0]);
            Optional<double[]> line = robustLine(points, outward, moduleInView(grid));
            if (line.isEmpty()) {
                return Optional.empty();
            }
            lines[i] = line.get();
        }
        // corners: top∩left (0,0), top∩right (cols,0), bottom∩right (cols,rows), bottom∩left (0,rows)
        float[] target = new float[8];
        int[][] pairs = {{0, 3}, {0, 1}, {2, 1}, {2, 3}};
        for (int k = 0; k < 4; k++) {
            Optional<double[]> p = intersect(lines[pairs[k][0]], lines[pairs[k][1]]);
            if (p.isEmpty() || p.get()[0] < -view.width() || p.get()[0] > 2.0 * view.width()
                    || p.get()[1] < -view.height() || p.get()[1] > 2.0 * view.height()) {
                return Optional.empty();
            }
            target[2 * k] = (float) p.get()[0];
            target[2 * k + 1] = (float) p.get()[1];
        }
        float[] source = {0, 0, cols, 0, cols, rows, 0, rows};
        return Optional.of(new SymbolGeometry.Matrix(cols, rows, source, target, grid.bits()));
    }

    /** The mean of the module-centre samples: between ink and paper when about half the modules are dark. */
    private static double meanLevel(GrayImage view, SymbolGeometry.Matrix grid, PerspectiveTransform t) {
        double sum = 0;
        int n = 0;
        float[] p = new float[2];
        for (int r = 0; r < grid.rows(); r++) {
            for (int c = 0; c < grid.columns(); c++) {
                p[0] = c + 0.5f;
                p[1] = r + 0.5f;
                t.transformPoints(p);
                sum += view.sample(p[0], p[1]);
                n++;
            }
        }
        return sum / n;
    }

    private static double moduleInView(SymbolGeometry.Matrix grid) {
        double[] a = grid.toImage(0.5, 0.5);
        double[] b = grid.toImage(grid.columns() - 0.5, 0.5);
        double[] c = grid.toImage(0.5, grid.rows() - 0.5);
        return (Math.hypot(b[0] - a[0], b[1] - a[1]) / Math.max(1, grid.columns() - 1)
                + Math.hypot(c[0] - a[0], c[1] - a[1]) / Math.max(1, grid.rows() - 1)) / 2;
    }

    /**
     * Where each scan line across the side meets the first dark from outside, in view pixels: one scan
     * line per half module along the side, its ends kept a module clear of the corners. A sample is the
     * mean of three points along the side (noise), compared with {@code threshold}.
     */
    private static List<double[]> edgePoints(GrayImage view, PerspectiveTransform t, double[] origin, double[] along,
                                             double[] out, int length, double threshold) {
        List<double[]> points = new ArrayList<>();
        float[] p = new float[6];
        for (double s = 1.0; s <= length - 1.0; s += 0.5) {
            for (double d = REACH; d >= -REACH; d -= STEP) {
                for (int k = 0; k < 3; k++) {
                    double ss = s + (k - 1) * 0.2;
                    p[2 * k] = (float) (origin[0] + along[0] * ss + out[0] * d);
                    p[2 * k + 1] = (float) (origin[1] + along[1] * ss + out[1] * d);
                }
                t.transformPoints(p);
                double level = (view.sample(p[0], p[1]) + view.sample(p[2], p[3]) + view.sample(p[4], p[5])) / 3;
                if (level < threshold) {
                    if (d < REACH) {
                        points.add(new double[] {p[2], p[3]});
                    }
                    break;
                }
            }
        }
        return points;
    }

    /** The outward unit normal of the side in view pixels (the transform turns and skews it). */
    private static double[] outwardInView(PerspectiveTransform t, double[] origin, double[] along, double[] out,
                                          double length) {
        float[] p = {
            (float) (origin[0] + along[0] * length / 2), (float) (origin[1] + along[1] * length / 2),
            (float) (origin[0] + along[0] * length / 2 + out[0]), (float) (origin[1] + along[1] * length / 2 + out[1]),
        };
        t.transformPoints(p);
        double dx = p[2] - p[0];
        double dy = p[3] - p[1];
        double n = Math.hypot(dx, dy);
        return new double[] {dx / n, dy / n};
    }

    /**
     * A line {nx, ny, c} (nx·x + ny·y = c, unit normal pointing outward) through the points: a total
     * least squares fit, refitted on the points no more than {@link #INSIDE} modules inside it.
     */
    private static Optional<double[]> robustLine(List<double[]> points, double[] outward, double module) {
        List<double[]> kept = points;
        double[] line = null;
        for (int round = 0; round <= REFITS; round++) {
            if (kept.size() < 4) {
                return Optional.empty();
            }
            line = leastSquares(kept, outward);
            List<double[]> next = new ArrayList<>();
            for (double[] q : points) {
                double residual = line[0] * q[0] + line[1] * q[1] - line[2];
                if (residual >= -INSIDE * module && residual <= module) {
                    next.add(q);
                }
            }
            kept = next;
        }
        return Optional.ofNullable(line);
    }

    private static double[] leastSquares(List<double[]> points, double[] outward) {
        double mx = 0;
        double my = 0;
        for (double[] q : points) {
            mx += q[0];
            my += q[1];
        }
        mx /= points.size();
        my /= points.size();
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (double[] q : points) {
            double dx = q[0] - mx;
            double dy = q[1] - my;
            sxx += dx * dx;
            sxy += dx * dy;
            syy += dy * dy;
        }
        // the normal is the eigenvector of the scatter matrix with the smaller eigenvalue
        double angle = 0.5 * Math.atan2(2 * sxy, sxx - syy) + Math.PI / 2;
        double nx = Math.cos(angle);
        double ny = Math.sin(angle);
        if (nx * outward[0] + ny * outward[1] < 0) {
            nx = -nx;
            ny = -ny;
        }
        return new double[] {nx, ny, nx * mx + ny * my};
    }

    private static Optional<double[]> intersect(double[] a, double[] b) {
        double det = a[0] * b[1] - a[1] * b[0];
        if (Math.abs(det) < 1e-6) {
            return Optional.empty();
        }
        return Optional.of(new double[] {(a[2] * b[1] - a[1] * b[2]) / det, (a[0] * b[2] - a[2] * b[0]) / det});
    }
}

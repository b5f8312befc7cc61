package io.tracemark.verify;

import com.google.zxing.common.PerspectiveTransform;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * ISO/IEC 15415 style grading of Data Matrix and QR: every module centre is sampled (mean over an
 * aperture of half a module) through the grid the detector reconstructed, then symbol contrast,
 * modulation, axial and grid non-uniformity, unused error correction and fixed-pattern damage are
 * measured and graded on the symbol's own region with one module of quiet zone (recorded in
 * {@link Grades#measuredOn()}); the overall grade is the lowest. Simplifications: reflectance is the pixel
 * value / 255, the "ideal" grid is the affine grid through three corners, modulation is graded
 * per module with the symbol's error-correction capacity as tolerance instead of per codeword.
 */
final class MatrixGrading {

    private static final double[] APERTURE = {-0.25, 0.0, 0.25};
    /** The quiet zone sampled around the symbol, in modules (one ring; it must be light). */
    private static final double QUIET_RING = 1.0;

    Grades grade(Decoded d) {
        Map<String, Grade> grades = new LinkedHashMap<>();
        Map<String, Double> values = new LinkedHashMap<>();
        grades.put("decode", Grade.A);
        if (d.geometry().isEmpty() || !(d.geometry().get() instanceof SymbolGeometry.Matrix detected)) {
            contrastOfView(d.view(), grades, values);
            unusedErrorCorrection(d.symbology(), d.ecLevel(), d.errorsCorrected(), 0, 0, grades, values);
            // no grid: measured on the whole view, module size unknown (0)
            GrayImage v = d.view();
            return finish(grades, values).measuredOn(MeasuredOn.of(
                    d.frameBounds(0, 0, v.width(), 0, v.width(), v.height(), 0, v.height()), 0, 0));
        }
        SymbolGeometry.Matrix m = GridFit.refine(d.view(), detected);
        double[][] r = sampleModules(d.view(), m);
        double[] quiet = sampleQuietRing(d.view(), m);
        double[] all = concat(r, quiet);
        Arrays.sort(all);
        double rMax = percentile(all, 0.98);
        double rMin = percentile(all, 0.02);
        double sc = (rMax - rMin) / 255.0 * 100.0;
        double gt = (rMax + rMin) / 2.0;
        values.put("symbolContrast", round(sc));
        grades.put("symbolContrast", IsoThresholds.symbolContrast(sc));
        ReferenceDecode ref = ReferenceDecode.of(d, r, gt);
        if (!ref.agrees()) {
            // our own sampling at the global threshold does not give the same content: not a sound symbol
            grades.put("decode", Grade.F);
        }
        values.put("referenceDecode", ref.agrees() ? 1.0 : 0.0);
        int capacity = unusedErrorCorrection(d.symbology(), d.ecLevel(), ref.agrees() ? ref.errors() : -1,
                m.rows(), m.columns(), grades, values);
        modulation(r, m, gt, rMax - rMin, capacity, grades, values);
        nonUniformity(m, grades, values);
        int damage = d.symbology() == Symbology.QR_CODE ? qrFinderDamage(r, gt, m.columns()) : dmPatternDamage(r, gt);
        values.put("fixedPatternDamage", (double) damage);
        grades.put("fixedPatternDamage", IsoThresholds.patternDamage(damage));
        return finish(grades, values).measuredOn(region(d, m, values.get("moduleSizePx")));
    }

    /** The symbol with its sampled quiet-zone ring, in frame pixels, and the module size there. */
    private static MeasuredOn region(Decoded d, SymbolGeometry.Matrix m, double moduleViewPx) {
        double q = QUIET_RING;
        double[] corners = new double[8];
        double[][] uv = {{-q, -q}, {m.columns() + q, -q}, {m.columns() + q, m.rows() + q}, {-q, m.rows() + q}};
        for (int i = 0; i < 4; i++) {
            double[] p = m.toImage(uv[i][0], uv[i][1]);
            corners[2 * i] = p[0];
            corners[2 * i + 1] = p[1];
        }
        return MeasuredOn.of(d.frameBounds(corners), moduleViewPx * d.frameScale(), q);
    }

    private static Grades finish(Map<String, Grade> grades, Map<String, Double> values) {
        Grade overall = grades.values().stream().min(Grade::compareTo).orElse(Grade.F);
        return new Grades(overall, grades, values);
    }

    private static double[][] sampleModules(GrayImage img, SymbolGeometry.Matrix m) {
        PerspectiveTransform t = m.transform();
        double[][] r = new double[m.rows()][m.columns()];
        for (int row = 0; row < m.rows(); row++) {
            for (int col = 0; col < m.columns(); col++) {
                r[row][col] = aperture(img, t, col + 0.5, row + 0.5);
            }
        }
        return r;
    }

    private static double aperture(GrayImage img, PerspectiveTransform t, double u, double v) {
        float[] p = new float[2 * APERTURE.length * APERTURE.length];
        int k = 0;
        for (double du : APERTURE) {
            for (double dv : APERTURE) {
                p[k++] = (float) (u + du);
                p[k++] = (float) (v + dv);
            }
        }
        t.transformPoints(p);
        double sum = 0;
        for (int i = 0; i < p.length; i += 2) {
            sum += img.sample(p[i], p[i + 1]);
        }
        return sum / (APERTURE.length * APERTURE.length);
    }

    /** One ring of modules just outside the symbol: the quiet zone, which must be light. */
    private static double[] sampleQuietRing(GrayImage img, SymbolGeometry.Matrix geometry) {
        PerspectiveTransform m = geometry.transform();
        int columns = geometry.columns();
        int rows = geometry.rows();
        int n = 2 * (columns + rows) + 4;
        double[] out = new double[n];
        int i = 0;
        for (int c = -1; c <= columns; c++) {
            out[i++] = aperture(img, m, c + 0.5, -0.5);
            out[i++] = aperture(img, m, c + 0.5, rows + 0.5);
        }
        for (int row = 0; row < rows; row++) {
            out[i++] = aperture(img, m, -0.5, row + 0.5);
            out[i++] = aperture(img, m, columns + 0.5, row + 0.5);
        }
        return Arrays.copyOf(out, i);
    }

    private static void modulation(double[][] r, SymbolGeometry.Matrix m, double gt, double range, int capacity,
                                   Map<String, Grade> grades, Map<String, Double> values) {
        int n = m.rows() * m.columns();
        double[] mods = new double[n];
        int i = 0;
        for (int row = 0; row < m.rows(); row++) {
            for (int col = 0; col < m.columns(); col++) {
                mods[i++] = range > 0 ? 2.0 * Math.abs(r[row][col] - gt) / range : 0.0;
            }
        }
        Arrays.sort(mods);
        // tolerance: modules the remaining error correction could absorb (one per codeword, worst case)
        int tolerance = Math.max(0, capacity / 2);
        Grade grade = Grade.F;
        for (Grade level : new Grade[] {Grade.A, Grade.B, Grade.C, Grade.D}) {
            int below = 0;
            while (below < n && IsoThresholds.moduleModulation(mods[below]).compareTo(level) < 0) {
                below++;
            }
            if (below <= tolerance) {
                grade = level;
                break;
            }
        }
        values.put("modulation", round(mods[Math.min(n - 1, tolerance)]));
        values.put("modulationP5", round(mods[n / 20]));
        grades.put("modulation", grade);
    }

    private static void nonUniformity(SymbolGeometry.Matrix m, Map<String, Grade> grades, Map<String, Double> values) {
        int cols = m.columns();
        int rows = m.rows();
        double[] tl = m.toImage(0.5, 0.5);
        double[] tr = m.toImage(cols - 0.5, 0.5);
        double[] bl = m.toImage(0.5, rows - 0.5);
        double[] br = m.toImage(cols - 0.5, rows - 0.5);
        double xAvg = (dist(tl, tr) + dist(bl, br)) / 2.0 / (cols - 1);
        double yAvg = (dist(tl, bl) + dist(tr, br)) / 2.0 / (rows - 1);
        double an = Math.abs(xAvg - yAvg) / ((xAvg + yAvg) / 2.0);
        double x = (xAvg + yAvg) / 2.0;
        double worst = 0;
        for (int row = 0; row < rows; row++) {
            for (int col = 0; col < cols; col++) {
                double fu = col / (double) (cols - 1);
                double fv = row / (double) (rows - 1);
                double ix = tl[0] + fu * (tr[0] - tl[0]) + fv * (bl[0] - tl[0]);
                double iy = tl[1] + fu * (tr[1] - tl[1]) + fv * (bl[1] - tl[1]);
                double[] actual = m.toImage(col + 0.5, row + 0.5);
                worst = Math.max(worst, Math.hypot(actual[0] - ix, actual[1] - iy));
            }
        }
        double gn = worst / x;
        values.put("axialNonUniformity", round(an));
        values.put("gridNonUniformity", round(gn));
        values.put("moduleSizePx", round(x));
        grades.put("axialNonUniformity", IsoThresholds.axialNonUniformity(an));
        grades.put("gridNonUniformity", IsoThresholds.gridNonUniformity(gn));
    }

    /** Records UEC and returns the number of codewords the symbol can still correct (0 when unknown). */
    private static int unusedErrorCorrection(Symbology symbology, String ecLevel, int errors, int rows, int cols,
                                             Map<String, Grade> grades, Map<String, Double> values) {
        int ec = switch (symbology) {
            case DATA_MATRIX -> ErrorCorrectionCapacity.dataMatrix(rows, cols);
            case QR_CODE -> ErrorCorrectionCapacity.qr(cols, ecLevel);
            default -> 0;
        };
        if (ec == 0) {
            return 0;
        }
        if (errors < 0) {
            values.put("unusedErrorCorrection", 0.0);
            grades.put("unusedErrorCorrection", Grade.F);
            return 0;
        }
        double uec = Math.max(0.0, 1.0 - 2.0 * errors / ec);
        values.put("unusedErrorCorrection", round(uec));
        values.put("errorsCorrected", (double) errors);
        grades.put("unusedErrorCorrection", IsoThresholds.unusedErrorCorrection(uec));
        return Math.max(0, ec / 2 - errors);
    }

    /** Wrong modules in the worst of the four Data Matrix border segments (L and clock track). */
    private static int dmPatternDamage(double[][] r, double gt) {
        int rows = r.length;
        int cols = r[0].length;
        int left = 0;
        int bottom = 0;
        int top = 0;
        int right = 0;
        for (int row = 0; row < rows; row++) {
            left += r[row][0] < gt ? 0 : 1;
            boolean rightDark = (rows - 1 - row) % 2 == 0;
            right += (r[row][cols - 1] < gt) == rightDark ? 0 : 1;
        }
        for (int col = 0; col < cols; col++) {
            bottom += r[rows - 1][col] < gt ? 0 : 1;
            top += (r[0][col] < gt) == (col % 2 == 0) ? 0 : 1;
        }
        return Math.max(Math.max(left, bottom), Math.max(top, right));
    }

    /** Wrong modules in the worst of the three QR finder patterns with their separators. */
    private static int qrFinderDamage(double[][] r, double gt, int dim) {
        int[][] origins = {{0, 0}, {dim - 7, 0}, {0, dim - 7}};
        int worst = 0;
        for (int[] o : origins) {
            int wrong = 0;
            for (int dy = -1; dy <= 7; dy++) {
                for (int dx = -1; dx <= 7; dx++) {
                    int x = o[0] + dx;
                    int y = o[1] + dy;
                    if (x < 0 || y < 0 || x >= dim || y >= dim) {
                        continue;
                    }
                    int ring = Math.max(Math.abs(dx - 3), Math.abs(dy - 3));
                    boolean dark = ring <= 1 || ring == 3;
                    wrong += (r[y][x] < gt) == dark ? 0 : 1;
                }
            }
            worst = Math.max(worst, wrong);
        }
        return worst;
    }

    private static void contrastOfView(GrayImage view, Map<String, Grade> grades, Map<String, Double> values) {
        double[] px = new double[view.pixels().length];
        for (int i = 0; i < px.length; i++) {
            px[i] = view.pixels()[i] & 0xff;
        }
        Arrays.sort(px);
        double sc = (percentile(px, 0.98) - percentile(px, 0.02)) / 255.0 * 100.0;
        values.put("symbolContrast", round(sc));
        grades.put("symbolContrast", IsoThresholds.symbolContrast(sc));
    }

    private static double[] concat(double[][] grid, double[] extra) {
        int n = grid.length * grid[0].length;
        double[] out = Arrays.copyOf(extra, extra.length + n);
        int i = extra.length;
        for (double[] row : grid) {
            for (double v : row) {
                out[i++] = v;
            }
        }
        return out;
    }

    private static double percentile(double[] sorted, double q) {
        return sorted[(int) Math.min(sorted.length - 1, Math.round(q * (sorted.length - 1)))];
    }

    private static double dist(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }

    private static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}

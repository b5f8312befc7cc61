package io.tracemark.verify;

import com.google.zxing.FormatException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.datamatrix.decoder.Version;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a Data Matrix by its L-shaped finder in a binarized view whose module grid is square to the
 * axes (a {@link CodeLocator} candidate after rectification), and samples its modules: the longest
 * dark row and column runs that meet at a corner are the L; the leg's thickness gives the module
 * size; the alternating clock tracks opposite the legs give the number of columns and rows, checked
 * against the ISO/IEC 16022 symbol sizes. This tolerates what defeats a white-rectangle search —
 * text or the label edge right next to the symbol — as zxing-cpp's L-shape detector does (its
 * public source gave the idea; the code is ours).
 */
final class LShapeSampler {

    /**
     * A sampled symbol.
     *
     * @param bits   the modules, in the standard orientation (L at left and bottom), true = dark
     * @param source module coordinates of four reference points (x0,y0,…) for {@link SymbolGeometry.Matrix}
     * @param target the same points in view pixels
     */
    record Sampled(BitMatrix bits, float[] source, float[] target) {
    }

    private static final int LEGS = 40;
    private static final int MAX_GRIDS = 12;

    private LShapeSampler() {
    }

    static List<Sampled> sample(BitMatrix img) {
        List<int[]> rows = longestRuns(img, true);
        List<int[]> cols = longestRuns(img, false);
        List<int[][]> pairs = new ArrayList<>();
        for (int[] row : rows) {
            for (int[] col : cols) {
                double ratio = (double) Math.max(row[3], col[3]) / Math.min(row[3], col[3]);
                if (ratio <= 4.5 && corner(row, col)) {
                    pairs.add(new int[][] {row, col});
                }
            }
        }
        // squarest pairs first (most symbols are square)
        pairs.sort(java.util.Comparator.comparingDouble(
                (int[][] p) -> (double) Math.max(p[0][3], p[1][3]) / Math.min(p[0][3], p[1][3])));
        List<Sampled> out = new ArrayList<>();
        for (int[][] p : pairs) {
            out.addAll(sample(img, p[0], p[1]));
            if (out.size() >= MAX_GRIDS) {
                break;
            }
        }
        return out;
    }

    /** True when an end of the row run and an end of the column run lie close together (an L corner). */
    private static boolean corner(int[] row, int[] col) {
        double tol = Math.max(4, Math.min(row[3], col[3]) / 8.0);
        boolean x = Math.abs(col[0] - row[1]) <= tol || Math.abs(col[0] - row[2]) <= tol;
        boolean y = Math.abs(row[0] - col[1]) <= tol || Math.abs(row[0] - col[2]) <= tol;
        return x && y;
    }

    private static List<Sampled> sample(BitMatrix img, int[] row, int[] col) {
        // row = {y, x0, x1, length}; col = {x, y0, y1, length}
        if (row[3] < 12 || col[3] < 12) {
            return List.of();
        }
        int[] rowLeg = leg(img, row, true);
        int[] colLeg = leg(img, col, false);
        double module = (rowLeg[1] - rowLeg[0] + 1 + colLeg[1] - colLeg[0] + 1) / 2.0;
        if (module < 1.5) {
            return List.of();
        }
        double tol = 2.5 * module;
        boolean colAtLeft = Math.abs(colLeg[0] - row[1]) <= tol;
        boolean colAtRight = Math.abs(colLeg[1] - row[2]) <= tol;
        boolean rowAtTop = Math.abs(rowLeg[0] - col[1]) <= tol;
        boolean rowAtBottom = Math.abs(rowLeg[1] - col[2]) <= tol;
        if (colAtLeft == colAtRight || rowAtTop == rowAtBottom) {
            return List.of();
        }
        // symbol bounds (outer edges of the modules): the legs give two sides, their far ends the others
        double left = colAtLeft ? Math.min(colLeg[0], row[1]) : row[1];
        double right = colAtRight ? Math.max(colLeg[1], row[2]) + 1 : row[2] + 1;
        double top = rowAtTop ? Math.min(rowLeg[0], col[1]) : col[1];
        double bottom = rowAtBottom ? Math.max(rowLeg[1], col[2]) + 1 : col[2] + 1;
        double mx = module;
        // clock tracks: the row and column opposite the legs, sampled through their module centres
        double clockY = rowAtTop ? bottom - mx / 2 : top + mx / 2;
        double clockX = colAtLeft ? right - mx / 2 : left + mx / 2;
        int cols = transitions(img, left, right, clockY, true, mx);
        int rows = transitions(img, top, bottom, clockX, false, mx);
        // a blurred or noisy clock miscounts by one; every Data Matrix dimension is even
        List<Sampled> out = new ArrayList<>();
        for (int rs : evenNear(rows)) {
            for (int cs : evenNear(cols)) {
                try {
                    Version version = Version.getVersionForDimensions(rs, cs);
                    if (version.getSymbolSizeRows() == rs && version.getSymbolSizeColumns() == cs) {
                        out.add(grid(img, left, top, right, bottom, cs, rs, colAtLeft, rowAtBottom));
                    }
                } catch (FormatException | IllegalArgumentException e) {
                    // not a Data Matrix size
                }
            }
        }
        return out;
    }

    private static int[] evenNear(int n) {
        return n % 2 == 0 ? new int[] {n, n - 2, n + 2} : new int[] {n - 1, n + 1};
    }

    private static Sampled grid(BitMatrix img, double left, double top, double right, double bottom, int cols, int rows,
                                boolean colAtLeft, boolean rowAtBottom) {
        int w = img.getWidth();
        int h = img.getHeight();
        double cw = (right - left) / cols;
        double ch = (bottom - top) / rows;
        // view-orientation grid, then turned so that the L corner is bottom-left
        boolean[][] view = new boolean[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                view[r][c] = dark(img, left + (c + 0.5) * cw, top + (r + 0.5) * ch, w, h);
            }
        }
        int turns = colAtLeft ? (rowAtBottom ? 0 : 3) : (rowAtBottom ? 1 : 2);
        // turns = quarter turns clockwise that bring the view's L corner to the bottom-left
        int outCols = turns % 2 == 0 ? cols : rows;
        int outRows = turns % 2 == 0 ? rows : cols;
        BitMatrix bits = new BitMatrix(outCols, outRows);
        float[] source = {0.5f, 0.5f, outCols - 0.5f, 0.5f, outCols - 0.5f, outRows - 0.5f, 0.5f, outRows - 0.5f};
        float[] target = new float[8];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                int[] o = turn(c, r, cols, rows, turns);
                if (view[r][c]) {
                    bits.set(o[0], o[1]);
                }
            }
        }
        for (int i = 0; i < 4; i++) {
            int oc = (int) source[2 * i];
            int or = (int) source[2 * i + 1];
            int[] v = unturn(oc, or, cols, rows, turns);
            target[2 * i] = (float) (left + (v[0] + 0.5) * cw);
            target[2 * i + 1] = (float) (top + (v[1] + 0.5) * ch);
        }
        return new Sampled(bits, source, target);
    }

    /** View module (c, r) in the output after {@code turns} clockwise quarter turns. */
    private static int[] turn(int c, int r, int cols, int rows, int turns) {
        return switch (turns) {
            case 1 -> new int[] {rows - 1 - r, c};
            case 2 -> new int[] {cols - 1 - c, rows - 1 - r};
            case 3 -> new int[] {r, cols - 1 - c};
            default -> new int[] {c, r};
        };
    }

    /** The inverse of {@link #turn}: output module (oc, or) back in view modules. */
    private static int[] unturn(int oc, int or, int cols, int rows, int turns) {
        return switch (turns) {
            case 1 -> new int[] {or, rows - 1 - oc};
            case 2 -> new int[] {cols - 1 - oc, rows - 1 - or};
            case 3 -> new int[] {cols - 1 - or, oc};
            default -> new int[] {oc, or};
        };
    }

    private static boolean dark(BitMatrix img, double x, double y, int w, int h) {
        int xi = (int) Math.floor(x);
        int yi = (int) Math.floor(y);
        return xi >= 0 && yi >= 0 && xi < w && yi < h && img.get(xi, yi);
    }

    /**
     * The longest dark run over all rows ({y, x0, x1, length}) or all columns ({x, y0, y1, length})
     * that looks like a finder leg: light just outside it (the quiet zone), mixed just inside it
     * (data modules). Dark background or solid print next to the symbol is no leg.
     */
    private static List<int[]> longestRuns(BitMatrix img, boolean rows) {
        int lines = rows ? img.getHeight() : img.getWidth();
        int len = rows ? img.getWidth() : img.getHeight();
        List<int[]> runs = new ArrayList<>();
        for (int line = 0; line < lines; line++) {
            int start = -1;
            int lastDark = -1;
            for (int i = 0; i <= len; i++) {
                boolean d = i < len && (rows ? img.get(i, line) : img.get(line, i));
                if (d) {
                    if (start < 0) {
                        start = i;
                    }
                    lastDark = i;
                } else if (start >= 0 && i - lastDark > 1) {
                    // a run ends at two light pixels in a row: one is noise
                    int end = lastDark;
                    if (end - start + 1 >= 12 && start > 0 && i < len) {
                        runs.add(new int[] {line, start, end, end - start + 1});
                    }
                    start = -1;
                }
            }
        }
        runs.sort((a, b) -> Integer.compare(b[3], a[3]));
        List<int[]> legs = new ArrayList<>();
        for (int[] run : runs) {
            if (legs.size() == LEGS) {
                break;
            }
            boolean sameLeg = legs.stream().anyMatch(l -> Math.abs(l[0] - run[0]) <= Math.max(3, l[3] / 8)
                    && run[1] <= l[2] && run[2] >= l[1]);
            if (!sameLeg && isLeg(img, run, rows)) {
                legs.add(run);
            }
        }
        return legs;
    }

    private static boolean isLeg(BitMatrix img, int[] run, boolean rows) {
        if (run[3] < 12) {
            return false;
        }
        int[] ends = leg(img, run, rows);
        int thick = ends[1] - ends[0] + 1;
        if (thick > run[3] / 6) {
            return false;
        }
        // the quiet zone may be a single module wide (a label edge right beyond it): look 1 and 2 px out
        double before = Math.min(darkShare(img, run, ends[0] - 1, rows), darkShare(img, run, ends[0] - 2, rows));
        double after = Math.min(darkShare(img, run, ends[1] + 1, rows), darkShare(img, run, ends[1] + 2, rows));
        double inBefore = darkShare(img, run, ends[0] - 1 - thick / 2, rows);
        double inAfter = darkShare(img, run, ends[1] + 1 + thick / 2, rows);
        if (before <= after) {
            return before <= 0.3 && inAfter >= 0.15 && inAfter <= 0.85;
        }
        return after <= 0.3 && inBefore >= 0.15 && inBefore <= 0.85;
    }

    private static double darkShare(BitMatrix img, int[] run, int line, boolean rows) {
        if (line < 0 || line >= (rows ? img.getHeight() : img.getWidth())) {
            return 1.0;
        }
        int dark = 0;
        for (int i = run[1]; i <= run[2]; i++) {
            dark += (rows ? img.get(i, line) : img.get(line, i)) ? 1 : 0;
        }
        return dark / (double) run[3];
    }

    /** The first and last line of the leg: neighbouring lines that also carry most of the run. */
    private static int[] leg(BitMatrix img, int[] run, boolean rows) {
        int[] ends = {run[0], run[0]};
        for (int dir = -1; dir <= 1; dir += 2) {
            for (int line = run[0] + dir; ; line += dir) {
                if (line < 0 || line >= (rows ? img.getHeight() : img.getWidth())) {
                    break;
                }
                int dark = 0;
                for (int i = run[1]; i <= run[2]; i++) {
                    dark += (rows ? img.get(i, line) : img.get(line, i)) ? 1 : 0;
                }
                if (dark < 0.85 * run[3]) {
                    break;
                }
                ends[dir < 0 ? 0 : 1] = line;
            }
        }
        return ends;
    }

    /** Modules along the clock track: runs of at least 0.4 module (shorter ones are noise). */
    private static int transitions(BitMatrix img, double from, double to, double at, boolean alongRow,
                                   double module) {
        int runs = 0;
        boolean current = false;
        int length = 0;
        Boolean pending = null;
        int pendingLength = 0;
        double minRun = Math.max(1, 0.4 * module);
        for (double p = from + 0.5; p < to; p += 1.0) {
            boolean d = alongRow ? dark(img, p, at, img.getWidth(), img.getHeight())
                    : dark(img, at, p, img.getWidth(), img.getHeight());
            if (runs == 0) {
                runs = 1;
                current = d;
                length = 1;
            } else if (d == current) {
                length += 1 + pendingLength;
                pending = null;
                pendingLength = 0;
            } else {
                pending = d;
                pendingLength++;
                if (pendingLength >= minRun) {
                    runs++;
                    current = d;
                    length = pendingLength;
                    pending = null;
                    pendingLength = 0;
                }
            }
        }
        return runs;
    }
}

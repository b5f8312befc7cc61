package io.tracemark.verify;

import java.awt.Rectangle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Finds regions of a frame that may hold a matrix symbol, at any rotation and with modules from about
 * 2 px: the frame is cut into 16 px cells; a cell is busy when its mean gradient, relative to its own
 * contrast, says it holds many light/dark transitions in both axes (a module grid does; paper, conveyor
 * and block text mostly do not). Busy cells are grouped into connected blobs, densest and largest
 * first. For each blob the grid's orientation (modulo 90°) is estimated from the gradient directions
 * (angle quadrupling, so the two perpendicular edge directions of a grid add up instead of cancelling)
 * and the module size from the density. The idea of searching for the grid first and handing a
 * rectified region to the decoder follows zxing-cpp's detectors (public source); the code is ours.
 * Stateless.
 */
final class CodeLocator {

    static final int CELL = 16;
    /** A busy cell has at least this many transitions per pixel along its busier axis (8 px modules: 0.06). */
    private static final double MIN_TRANSITIONS = 0.05;
    private static final int MIN_CONTRAST = 24;
    /** Mean distance from the mid level, as a share of half the range, that makes a cell two-toned. */
    private static final double TWO_TONE = 0.45;

    /**
     * A region that may hold a symbol.
     *
     * @param region      frame pixels (with a margin)
     * @param modulePx    estimated module size in frame pixels
     */
    record Candidate(Rectangle region, double modulePx) {

        /** Grid orientation modulo 90°, in -45..45 (turn the region by -angle to square it); measured on demand. */
        double angleDeg(GrayImage frame) {
            return orientation(frame, region);
        }

        /** The same from 2×2 means (see {@link #smoothedOrientation}). */
        double smoothedAngleDeg(GrayImage frame) {
            return smoothedOrientation(frame, region);
        }
    }

    List<Candidate> candidates(GrayImage frame, Rectangle within, int max) {
        return candidates(frame, within, max, MIN_TRANSITIONS);
    }

    /**
     * The candidates of cells at least {@code minTransitions} busy: a higher threshold than the usual
     * one keeps the cells of a small-module symbol and drops the coarser text it touches (which the
     * usual threshold merges with the symbol into one blob whose orientation and L the text spoils).
     */
    List<Candidate> candidates(GrayImage frame, Rectangle within, int max, double minTransitions) {
        Rectangle area = within.intersection(new Rectangle(0, 0, frame.width(), frame.height()));
        int cols = area.width / CELL;
        int rows = area.height / CELL;
        if (cols < 2 || rows < 2) {
            return List.of();
        }
        double[][] density = new double[rows][cols];
        boolean[][] busy = new boolean[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                double[] d = cell(frame, area.x + c * CELL, area.y + r * CELL);
                density[r][c] = d[0];
                busy[r][c] = d[0] >= minTransitions && d[1] >= minTransitions * 0.6;
            }
        }
        // touching cells, and (blur and noise leave holes in a symbol) cells one idle cell apart
        List<Candidate> tight = fromBlobs(frame, area, blobs(busy, rows, cols, 1), density, max);
        List<Candidate> loose = fromBlobs(frame, area, blobs(busy, rows, cols, 2), density, max);
        List<Candidate> out = new ArrayList<>();
        for (int i = 0; out.size() < max && (i < tight.size() || i < loose.size()); i++) {
            if (i < tight.size()) {
                out.add(tight.get(i));
            }
            Candidate next = i < loose.size() ? loose.get(i) : null;
            if (next != null && out.size() < max && out.stream().noneMatch(c -> c.region().equals(next.region()))) {
                out.add(next);
            }
        }
        return out;
    }

    private static List<Candidate> fromBlobs(GrayImage frame, Rectangle area, List<int[]> blobs, double[][] density,
                                             int max) {
        blobs.sort(Comparator.comparingDouble((int[] b) -> -score(b, density)));
        List<Candidate> out = new ArrayList<>();
        for (int[] b : blobs) {
            if (out.size() == max) {
                break;
            }
            if (b[4] < 2) {
                continue;
            }
            int pad = CELL;
            Rectangle r = new Rectangle(area.x + b[0] * CELL - pad, area.y + b[1] * CELL - pad,
                    (b[2] - b[0] + 1) * CELL + 2 * pad, (b[3] - b[1] + 1) * CELL + 2 * pad)
                    .intersection(new Rectangle(0, 0, frame.width(), frame.height()));
            double mean = meanDensity(b, density);
            out.add(new Candidate(r, Math.max(1.0, 0.5 / Math.max(0.05, mean))));
        }
        return out;
    }

    /**
     * {transitions per pixel along the busier axis, along the quieter axis} in one cell, counted on
     * 2×2 means (halves sensor noise, keeps 2 px modules); {0, 0} when the cell has too little contrast
     * or its levels are not two-toned (print is ink or paper; noise on a flat area is one bell).
     */
    private static double[] cell(GrayImage img, int x0, int y0) {
        byte[] p = img.pixels();
        int w = img.width();
        int xEnd = Math.min(w - 2, x0 + CELL);
        int yEnd = Math.min(img.height() - 2, y0 + CELL);
        if (xEnd <= x0 + 2 || yEnd <= y0 + 2) {
            return new double[] {0, 0};
        }
        int n = (xEnd - x0) * (yEnd - y0);
        int[] v = new int[(xEnd - x0 + 1) * (yEnd - y0 + 1)];
        int vw = xEnd - x0 + 1;
        int min = 1020;
        int max = 0;
        for (int y = y0; y <= yEnd; y++) {
            int row = y * w;
            for (int x = x0; x <= xEnd; x++) {
                int s = (p[row + x] & 0xff) + (p[row + x + 1] & 0xff) + (p[row + w + x] & 0xff)
                        + (p[row + w + x + 1] & 0xff);
                v[(y - y0) * vw + x - x0] = s;
                min = Math.min(min, s);
                max = Math.max(max, s);
            }
        }
        if (max - min < 4 * MIN_CONTRAST) {
            return new double[] {0, 0};
        }
        int mid = (max + min) >> 1;
        long deviation = 0;
        for (int s : v) {
            deviation += Math.abs(s - mid);
        }
        if (deviation < TWO_TONE * v.length * (max - min) / 2.0) {
            return new double[] {0, 0};
        }
        int hx = 0;
        int hy = 0;
        for (int y = 0; y < yEnd - y0; y++) {
            for (int x = 0; x < xEnd - x0; x++) {
                boolean here = v[y * vw + x] < mid;
                hx += here != (v[y * vw + x + 1] < mid) ? 1 : 0;
                hy += here != (v[(y + 1) * vw + x] < mid) ? 1 : 0;
            }
        }
        return new double[] {Math.max(hx, hy) / (double) n, Math.min(hx, hy) / (double) n};
    }

    private static double score(int[] blob, double[][] density) {
        double w = blob[2] - blob[0] + 1.0;
        double h = blob[3] - blob[1] + 1.0;
        double fill = blob[4] / (w * h);
        double square = Math.min(w, h) / Math.max(w, h);
        return blob[4] * fill * (0.5 + square) * meanDensity(blob, density);
    }

    private static double meanDensity(int[] blob, double[][] density) {
        double sum = 0;
        int n = 0;
        for (int r = blob[1]; r <= blob[3]; r++) {
            for (int c = blob[0]; c <= blob[2]; c++) {
                if (density[r][c] > 0) {
                    sum += density[r][c];
                    n++;
                }
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /**
     * The dominant edge orientation modulo 90° in degrees (-45..45), from Scharr gradients (the 3×3
     * derivative with the least angular bias) weighted by strength; each gradient angle is quadrupled
     * so that the two perpendicular edge directions of a module grid reinforce each other.
     */
    static double orientation(GrayImage img, Rectangle r) {
        double re = 0;
        double im = 0;
        int w = img.width();
        byte[] p = img.pixels();
        int step = Math.max(1, Math.min(r.width, r.height) / 160);
        for (int y = Math.max(1, r.y); y < Math.min(img.height() - 1, r.y + r.height); y += step) {
            for (int x = Math.max(1, r.x); x < Math.min(w - 1, r.x + r.width); x += step) {
                int k = y * w + x;
                int tl = p[k - w - 1] & 0xff;
                int tc = p[k - w] & 0xff;
                int tr = p[k - w + 1] & 0xff;
                int ml = p[k - 1] & 0xff;
                int mr = p[k + 1] & 0xff;
                int bl = p[k + w - 1] & 0xff;
                int bc = p[k + w] & 0xff;
                int br = p[k + w + 1] & 0xff;
                double gx = 3.0 * (tr + br - tl - bl) + 10.0 * (mr - ml);
                double gy = 3.0 * (bl + br - tl - tr) + 10.0 * (bc - tc);
                double m2 = gx * gx + gy * gy;
                if (m2 < 160_000) {
                    continue;
                }
                double re2 = gx * gx - gy * gy;
                double im2 = 2 * gx * gy;
                re += (re2 * re2 - im2 * im2) / m2;
                im += 2 * re2 * im2 / m2;
            }
        }
        return Math.toDegrees(Math.atan2(im, re) / 4.0);
    }

    /**
     * {@link #orientation} on 2×2 means: heavy sensor noise on a pixel grid pulls the plain estimate
     * towards the axes (its gradients prefer them), by several degrees at 2 px modules; averaging
     * first removes most of that pull but blurs very small or blurred modules more. The decoder tries
     * it when the plain angle found something it could not read.
     */
    static double smoothedOrientation(GrayImage img, Rectangle r) {
        double re = 0;
        double im = 0;
        int w = img.width();
        byte[] p = img.pixels();
        int step = Math.max(1, Math.min(r.width, r.height) / 160);
        for (int y = Math.max(1, r.y); y < Math.min(img.height() - 2, r.y + r.height); y += step) {
            for (int x = Math.max(1, r.x); x < Math.min(w - 2, r.x + r.width); x += step) {
                int k = y * w + x;
                int tl = box(p, k - w - 1, w);
                int tc = box(p, k - w, w);
                int tr = box(p, k - w + 1, w);
                int ml = box(p, k - 1, w);
                int mr = box(p, k + 1, w);
                int bl = box(p, k + w - 1, w);
                int bc = box(p, k + w, w);
                int br = box(p, k + w + 1, w);
                double gx = 3.0 * (tr + br - tl - bl) + 10.0 * (mr - ml);
                double gy = 3.0 * (bl + br - tl - tr) + 10.0 * (bc - tc);
                double m2 = gx * gx + gy * gy;
                if (m2 < 16 * 160_000) {
                    continue;
                }
                double re2 = gx * gx - gy * gy;
                double im2 = 2 * gx * gy;
                re += (re2 * re2 - im2 * im2) / m2;
                im += 2 * re2 * im2 / m2;
            }
        }
        return Math.toDegrees(Math.atan2(im, re) / 4.0);
    }

    /** The sum of the 2×2 pixels from {@code k} right and down (sensor noise halved, 2 px modules kept). */
    private static int box(byte[] p, int k, int w) {
        return (p[k] & 0xff) + (p[k + 1] & 0xff) + (p[k + w] & 0xff) + (p[k + w + 1] & 0xff);
    }

    /** Each blob as {minCol, minRow, maxCol, maxRow, cellCount}. */
    private static List<int[]> blobs(boolean[][] busy, int rows, int cols, int reach) {
        boolean[][] seen = new boolean[rows][cols];
        List<int[]> blobs = new ArrayList<>();
        Deque<int[]> stack = new ArrayDeque<>();
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                if (!busy[r][c] || seen[r][c]) {
                    continue;
                }
                int[] blob = {c, r, c, r, 0};
                stack.push(new int[] {r, c});
                seen[r][c] = true;
                while (!stack.isEmpty()) {
                    int[] p = stack.pop();
                    blob[0] = Math.min(blob[0], p[1]);
                    blob[1] = Math.min(blob[1], p[0]);
                    blob[2] = Math.max(blob[2], p[1]);
                    blob[3] = Math.max(blob[3], p[0]);
                    blob[4]++;
                    for (int dr = -reach; dr <= reach; dr++) {
                        for (int dc = -reach; dc <= reach; dc++) {
                            int nr = p[0] + dr;
                            int nc = p[1] + dc;
                            if (nr >= 0 && nc >= 0 && nr < rows && nc < cols && busy[nr][nc] && !seen[nr][nc]) {
                                seen[nr][nc] = true;
                                stack.push(new int[] {nr, nc});
                            }
                        }
                    }
                }
                blobs.add(blob);
            }
        }
        return blobs;
    }
}

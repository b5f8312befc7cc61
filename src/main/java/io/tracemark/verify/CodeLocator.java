package io.tracemark.verify;

import java.awt.Rectangle;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;

/**
 * Finds regions of a frame that may hold a symbol when the code box is not known: cells of strong,
 * dense edges, grouped into connected blobs, largest and squarest first. Cheap (one pass over a 4×
 * reduced image) and deliberately generous: the decoder decides.
 */
final class CodeLocator {

    private static final int REDUCE = 4;
    private static final int CELL = 6;
    private static final double EDGE_THRESHOLD = 14.0;

    List<Rectangle> candidates(GrayImage frame, int max) {
        GrayImage small = frame.scale(1.0 / REDUCE);
        int cols = small.width() / CELL;
        int rows = small.height() / CELL;
        if (cols < 2 || rows < 2) {
            return List.of();
        }
        boolean[][] busy = new boolean[rows][cols];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                busy[r][c] = edgeEnergy(small, c * CELL, r * CELL) > EDGE_THRESHOLD;
            }
        }
        List<int[]> blobs = blobs(busy, rows, cols);
        blobs.sort(Comparator.comparingDouble((int[] b) -> -score(b)));
        List<Rectangle> out = new ArrayList<>();
        for (int[] b : blobs) {
            if (out.size() == max || b[4] < 2) {
                break;
            }
            int scale = CELL * REDUCE;
            int pad = scale;
            Rectangle r = new Rectangle(b[0] * scale - pad, b[1] * scale - pad,
                    (b[2] - b[0] + 1) * scale + 2 * pad, (b[3] - b[1] + 1) * scale + 2 * pad);
            out.add(r.intersection(new Rectangle(0, 0, frame.width(), frame.height())));
        }
        return out;
    }

    private static double score(int[] blob) {
        double w = blob[2] - blob[0] + 1.0;
        double h = blob[3] - blob[1] + 1.0;
        double fill = blob[4] / (w * h);
        return blob[4] * fill;
    }

    private static double edgeEnergy(GrayImage img, int x0, int y0) {
        double sum = 0;
        int n = 0;
        for (int y = y0; y < y0 + CELL - 1; y++) {
            for (int x = x0; x < x0 + CELL - 1; x++) {
                int v = img.at(x, y);
                sum += Math.abs(v - img.at(x + 1, y)) + Math.abs(v - img.at(x, y + 1));
                n++;
            }
        }
        return sum / n;
    }

    /** Each blob as {minCol, minRow, maxCol, maxRow, cellCount}. */
    private static List<int[]> blobs(boolean[][] busy, int rows, int cols) {
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
                    for (int dr = -1; dr <= 1; dr++) {
                        for (int dc = -1; dc <= 1; dc++) {
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

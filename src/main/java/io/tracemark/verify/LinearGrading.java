package io.tracemark.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ISO/IEC 15416 style grading of a linear symbol, simplified: the bars are followed up and down from
 * the row the decoder read to find their height; ten scan reflectance profiles are taken evenly across
 * the inspection band (10 %–90 % of the bar height, ISO/IEC 15416 §5.2), each over the symbol and
 * its 10-module quiet zones, and graded on symbol contrast, minimum reflectance, minimum edge
 * contrast and modulation (decodability and defects are not measured); the symbol grade is the mean
 * of the scan grades. The region and module size are recorded in {@link Grades#measuredOn()}.
 */
final class LinearGrading {

    private static final int SCANS = 10;
    private static final double QUIET_ZONE = 10.0;

    Grades grade(Decoded d) {
        Map<String, Grade> grades = new LinkedHashMap<>();
        Map<String, Double> values = new LinkedHashMap<>();
        grades.put("decode", Grade.A);
        if (d.geometry().isEmpty() || !(d.geometry().get() instanceof SymbolGeometry.Linear line)) {
            return new Grades(Grade.C, grades, values);
        }
        GrayImage img = d.view();
        int y0 = (int) Math.round(line.y());
        if (y0 < 0 || y0 >= img.height()) {
            return new Grades(Grade.C, grades, values);
        }
        double length = line.x1() - line.x0();
        int searchFrom = (int) Math.max(0, line.x0() - 0.1 * length);
        int searchTo = (int) Math.min(img.width() - 1, line.x1() + 0.1 * length);
        boolean[] reference = binarized(img, searchFrom, searchTo, y0);
        int left = firstDark(reference, true);
        int right = firstDark(reference, false);
        if (left < 0 || right <= left) {
            return new Grades(Grade.C, grades, values);
        }
        double x = moduleWidth(reference, left, right);
        int top = extent(img, reference, searchFrom, y0, -1);
        int bottom = extent(img, reference, searchFrom, y0, 1);
        int from = (int) Math.max(0, searchFrom + left - QUIET_ZONE * x);
        int to = (int) Math.min(img.width() - 1, searchFrom + right + QUIET_ZONE * x);
        double band = bottom - top;
        List<double[]> scans = new ArrayList<>();
        for (int k = 0; k < SCANS; k++) {
            int y = (int) Math.round(top + band * (0.1 + 0.8 * (k + 0.5) / SCANS));
            scans.add(scan(img, from, to, Math.max(1, Math.min(img.height() - 2, y))));
        }
        double sum = 0;
        double[] worst = null;
        for (double[] s : scans) {
            sum += s[4];
            worst = worst == null || s[4] < worst[4] ? s : worst;
        }
        values.put("symbolContrast", worst[0]);
        values.put("minimumReflectance", worst[1]);
        values.put("minimumEdgeContrast", worst[2]);
        values.put("modulation", worst[3]);
        values.put("moduleSizePx", Math.round(x * d.frameScale() * 100) / 100.0);
        values.put("barHeightPx", Math.round((band + 1) * d.frameScale() * 100) / 100.0);
        grades.put("symbolContrast", IsoThresholds.symbolContrast(worst[0]));
        grades.put("minimumReflectance", worst[1] <= 0.5 * (worst[1] + worst[0]) ? Grade.A : Grade.F);
        grades.put("minimumEdgeContrast", worst[2] >= 15.0 ? Grade.A : Grade.F);
        grades.put("modulation", IsoThresholds.linearModulation(worst[3]));
        MeasuredOn on = MeasuredOn.of(d.frameBounds(from, top, to + 1, top, to + 1, bottom + 1, from, bottom + 1),
                x * d.frameScale(), QUIET_ZONE);
        return new Grades(Grade.of(sum / scans.size()), grades, values).measuredOn(on);
    }

    /** Row {@code y} from {@code from} to {@code to}, dark = below the row's mid level. */
    private static boolean[] binarized(GrayImage img, int from, int to, int y) {
        int min = 255;
        int max = 0;
        for (int x = from; x <= to; x++) {
            min = Math.min(min, img.at(x, y));
            max = Math.max(max, img.at(x, y));
        }
        int mid = (min + max) / 2;
        boolean[] out = new boolean[to - from + 1];
        for (int x = from; x <= to; x++) {
            out[x - from] = img.at(x, y) < mid;
        }
        return out;
    }

    private static int firstDark(boolean[] row, boolean fromLeft) {
        for (int i = 0; i < row.length; i++) {
            int k = fromLeft ? i : row.length - 1 - i;
            if (row[k]) {
                return k;
            }
        }
        return -1;
    }

    /** Code 128: each symbol character is 6 elements in 11 modules, the stop pattern 7 elements in 13. */
    private static double moduleWidth(boolean[] row, int left, int right) {
        int elements = 1;
        for (int i = left + 1; i <= right; i++) {
            elements += row[i] != row[i - 1] ? 1 : 0;
        }
        double modules = Math.max(13.0, 11.0 * (elements - 7) / 6.0 + 13.0);
        return (right - left + 1) / modules;
    }

    /** The last row, going up (-1) or down (+1) from {@code y0}, that still shows the same bars. */
    private static int extent(GrayImage img, boolean[] reference, int from, int y0, int dir) {
        int y = y0;
        while (y + dir >= 0 && y + dir < img.height()) {
            boolean[] row = binarized(img, from, from + reference.length - 1, y + dir);
            int same = 0;
            for (int i = 0; i < reference.length; i++) {
                same += row[i] == reference[i] ? 1 : 0;
            }
            if (same < 0.9 * reference.length) {
                break;
            }
            y += dir;
        }
        return y;
    }

    /** One scan: {SC %, Rmin %, ECmin %, MOD, scan grade value}. */
    private static double[] scan(GrayImage img, int from, int to, int y) {
        int n = to - from + 1;
        double[] p = new double[n];
        double max = 0;
        double min = 255;
        for (int i = 0; i < n; i++) {
            p[i] = (img.at(from + i, y - 1) + img.at(from + i, y) + img.at(from + i, y + 1)) / 3.0;
            max = Math.max(max, p[i]);
            min = Math.min(min, p[i]);
        }
        double gt = (max + min) / 2;
        double ecMin = Double.MAX_VALUE;
        double extreme = p[0];
        boolean dark = p[0] < gt;
        double previous = Double.NaN;
        for (int i = 1; i < n; i++) {
            boolean d = p[i] < gt;
            if (d != dark) {
                if (!Double.isNaN(previous)) {
                    ecMin = Math.min(ecMin, Math.abs(previous - extreme));
                }
                previous = extreme;
                extreme = p[i];
                dark = d;
            } else {
                extreme = dark ? Math.min(extreme, p[i]) : Math.max(extreme, p[i]);
            }
        }
        if (!Double.isNaN(previous)) {
            ecMin = Math.min(ecMin, Math.abs(previous - extreme));
        }
        double sc = (max - min) / 255.0 * 100;
        double ec = ecMin == Double.MAX_VALUE ? 0 : ecMin / 255.0 * 100;
        double mod = sc > 0 ? ec / sc : 0;
        Grade g = IsoThresholds.symbolContrast(sc);
        g = min(g, min <= 0.5 * max ? Grade.A : Grade.F);
        g = min(g, ec >= 15 ? Grade.A : Grade.F);
        g = min(g, IsoThresholds.linearModulation(mod));
        return new double[] {Math.round(sc * 10) / 10.0, Math.round(min / 2.55 * 10) / 10.0,
                Math.round(ec * 10) / 10.0, Math.round(mod * 1000) / 1000.0, g.value()};
    }

    private static Grade min(Grade a, Grade b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}

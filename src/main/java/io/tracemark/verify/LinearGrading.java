package io.tracemark.verify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * ISO/IEC 15416 style grading of a linear symbol, simplified: five scan reflectance profiles across
 * the row the decoder read, each graded on symbol contrast, minimum reflectance, minimum edge
 * contrast and modulation (decodability and defects are not measured); the symbol grade is the
 * mean of the scan grades.
 */
final class LinearGrading {

    private static final int SCANS = 5;

    Grades grade(Decoded d) {
        Map<String, Grade> grades = new LinkedHashMap<>();
        Map<String, Double> values = new LinkedHashMap<>();
        grades.put("decode", Grade.A);
        if (d.geometry().isEmpty() || !(d.geometry().get() instanceof SymbolGeometry.Linear line)) {
            return new Grades(Grade.C, grades, values);
        }
        GrayImage img = d.view();
        double length = line.x1() - line.x0();
        int from = (int) Math.max(0, line.x0() - 0.08 * length);
        int to = (int) Math.min(img.width() - 1, line.x1() + 0.08 * length);
        List<double[]> scans = new ArrayList<>();
        for (int k = 0; k < SCANS; k++) {
            int y = (int) Math.round(line.y() + (k - SCANS / 2) * 2);
            if (y >= 1 && y < img.height() - 1 && to - from > 10) {
                scans.add(scan(img, from, to, y));
            }
        }
        if (scans.isEmpty()) {
            return new Grades(Grade.C, grades, values);
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
        grades.put("symbolContrast", IsoThresholds.symbolContrast(worst[0]));
        grades.put("minimumReflectance", worst[1] <= 0.5 * (worst[1] + worst[0]) ? Grade.A : Grade.F);
        grades.put("minimumEdgeContrast", worst[2] >= 15.0 ? Grade.A : Grade.F);
        grades.put("modulation", IsoThresholds.linearModulation(worst[3]));
        return new Grades(Grade.of(sum / scans.size()), grades, values);
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

package io.tracemark.verify;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.util.Map;

/** Error-correction codewords of a symbol by its size, for unused-error-correction grading. */
final class ErrorCorrectionCapacity {

    /** ECC 200 sizes (rows x columns) and their total error-correction codewords (ISO/IEC 16022 Table 7). */
    private static final Map<String, Integer> DATA_MATRIX = Map.ofEntries(
            Map.entry("10x10", 5), Map.entry("12x12", 7), Map.entry("14x14", 10), Map.entry("16x16", 12),
            Map.entry("18x18", 14), Map.entry("20x20", 18), Map.entry("22x22", 20), Map.entry("24x24", 24),
            Map.entry("26x26", 28), Map.entry("32x32", 36), Map.entry("36x36", 42), Map.entry("40x40", 48),
            Map.entry("44x44", 56), Map.entry("48x48", 68), Map.entry("52x52", 84), Map.entry("64x64", 112),
            Map.entry("72x72", 144), Map.entry("80x80", 192), Map.entry("88x88", 224), Map.entry("96x96", 272),
            Map.entry("104x104", 336), Map.entry("120x120", 408), Map.entry("132x132", 496),
            Map.entry("144x144", 620), Map.entry("8x18", 7), Map.entry("8x32", 11), Map.entry("12x26", 14),
            Map.entry("12x36", 18), Map.entry("16x36", 24), Map.entry("16x48", 28));

    private ErrorCorrectionCapacity() {
    }

    /** EC codewords of a Data Matrix of {@code rows} × {@code columns} modules, or 0 when unknown. */
    static int dataMatrix(int rows, int columns) {
        return DATA_MATRIX.getOrDefault(rows + "x" + columns, 0);
    }

    /** EC codewords of a QR symbol of {@code dimension} modules at {@code level}, or 0 when unknown. */
    static int qr(int dimension, String level) {
        int version = (dimension - 17) / 4;
        if (version < 1 || version > 40 || level.isEmpty()) {
            return 0;
        }
        try {
            return com.google.zxing.qrcode.decoder.Version.getVersionForNumber(version)
                    .getECBlocksForLevel(ErrorCorrectionLevel.valueOf(level)).getTotalECCodewords();
        } catch (IllegalArgumentException e) {
            return 0;
        }
    }
}

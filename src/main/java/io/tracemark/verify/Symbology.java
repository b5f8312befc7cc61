package io.tracemark.verify;

import com.google.zxing.BarcodeFormat;
import java.util.Set;

/** The symbologies the station verifies, with the AIM identifiers that mark GS1 content. */
public enum Symbology {
    DATA_MATRIX(BarcodeFormat.DATA_MATRIX, true),
    QR_CODE(BarcodeFormat.QR_CODE, true),
    CODE_128(BarcodeFormat.CODE_128, false);

    private static final Set<String> GS1_IDS = Set.of("]d2", "]C1", "]Q3", "]Q4", "]e0");

    private final BarcodeFormat format;
    private final boolean matrix;

    Symbology(BarcodeFormat format, boolean matrix) {
        this.format = format;
        this.matrix = matrix;
    }

    public BarcodeFormat format() {
        return format;
    }

    /** True for 2D matrix symbols graded with ISO/IEC 15415; false for linear (ISO/IEC 15416). */
    public boolean matrix() {
        return matrix;
    }

    /** True when the AIM symbology identifier announces GS1 element-string content. */
    public static boolean gs1(String symbologyId) {
        return GS1_IDS.contains(symbologyId);
    }

    public static Symbology of(BarcodeFormat format) {
        for (Symbology s : values()) {
            if (s.format == format) {
                return s;
            }
        }
        throw new IllegalArgumentException("unsupported symbology " + format);
    }
}

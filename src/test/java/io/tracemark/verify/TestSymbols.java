package io.tracemark.verify;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.datamatrix.DataMatrixWriter;
import com.google.zxing.datamatrix.encoder.SymbolShapeHint;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.Map;

/** Test symbols drawn with ZXing's writers: GS1 Data Matrix, QR and GS1-128, at a given module size. */
public final class TestSymbols {

    public static final char GS = 29;

    private TestSymbols() {
    }

    /** GS1 Data Matrix (FNC1 first) of raw element-string content (GS between variable-length fields). */
    public static BitMatrix dataMatrixGs1(String raw) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.GS1_FORMAT, Boolean.TRUE);
        hints.put(EncodeHintType.DATA_MATRIX_SHAPE, SymbolShapeHint.FORCE_SQUARE);
        hints.put(EncodeHintType.DATA_MATRIX_COMPACT, Boolean.TRUE);
        return new DataMatrixWriter().encode(raw, BarcodeFormat.DATA_MATRIX, 0, 0, hints);
    }

    public static BitMatrix qr(String text) {
        try {
            Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
            hints.put(EncodeHintType.MARGIN, 0);
            hints.put(EncodeHintType.ERROR_CORRECTION, "M");
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalStateException(e);
        }
    }

    /** GS1-128: FNC1 first, GS for later FNC1 ('\u00f1' is ZXing's FNC1 escape). */
    public static BitMatrix code128Gs1(String raw) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.MARGIN, 0);
        String content = "\u00f1" + raw.replace(String.valueOf(GS), "\u00f1");
        return new Code128Writer().encode(content, BarcodeFormat.CODE_128, 0, 0, hints);
    }

    /** Draws a matrix at {@code modulePx} pixels per module (bars {@code height} px high for 1D) with a quiet zone. */
    public static BufferedImage render(BitMatrix m, int modulePx, int quietModules) {
        boolean linear = m.getHeight() == 1;
        int w = (m.getWidth() + 2 * quietModules) * modulePx;
        int h = linear ? 60 * modulePx : (m.getHeight() + 2 * quietModules) * modulePx;
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int mx = x / modulePx - quietModules;
                int my = linear ? 0 : y / modulePx - quietModules;
                boolean dark = mx >= 0 && my >= 0 && mx < m.getWidth() && my < m.getHeight() && m.get(mx, my);
                img.getRaster().setSample(x, y, 0, dark ? 20 : 235);
            }
        }
        return img;
    }
}

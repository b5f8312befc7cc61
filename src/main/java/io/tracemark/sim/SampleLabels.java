package io.tracemark.sim;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.datamatrix.DataMatrixWriter;
import com.google.zxing.datamatrix.encoder.SymbolShapeHint;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Printed label images for the corpus test and {@code bench verify}, drawn directly with ZXing's
 * writers: 100 × 50 mm at 8 dots/mm (203 dpi), 1-bit, blocks standing in for text and one code.
 * Label n carries a GS1 Data Matrix (7 in 10), a GS1 Digital Link QR (2 in 10) or a GS1-128 (1 in 10)
 * with a serial derived from n, so every label's content differs.
 */
public final class SampleLabels {

    private static final char GS = 29;

    public static final int WIDTH = 800;
    public static final int HEIGHT = 400;

    /**
     * @param image    the printed label, 1-bit
     * @param codeBox  the code's box in label dots
     * @param expected the encoded data (GS1 raw with GS separators, or a URL)
     * @param kind     datamatrix, qr or gs1-128
     */
    public record Label(BufferedImage image, Rectangle codeBox, String expected, String kind) {
    }

    private SampleLabels() {
    }

    /** Label number {@code n} of the series {@code seed}. */
    public static Label label(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed + n * 7919L);
        String serial = String.format("%06d", 100000 + n);
        int kind = n % 10;
        BitMatrix code;
        String expected;
        int modulePx;
        String name;
        if (kind < 7) {
            expected = "0106901234567892" + "21" + "S" + serial + r.nextInt(1000) + GS + "10L" + (n % 97);
            code = dataMatrixGs1(expected);
            modulePx = 4;
            name = "datamatrix";
        } else if (kind < 9) {
            expected = "https://id.example.cn/01/06901234567892/21/S" + serial;
            code = qr(expected);
            modulePx = 4;
            name = "qr";
        } else {
            expected = "0106901234567892" + "21" + serial;
            code = code128Gs1(expected);
            modulePx = 3;
            name = "gs1-128";
        }
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_BINARY);
        fill(img, 0, 0, WIDTH, HEIGHT, true);
        for (int line = 0; line < 6; line++) {
            int x = 40;
            int y = 40 + line * 36;
            while (x < 420) {
                int w = 8 + r.nextInt(40);
                fill(img, x, y, Math.min(w, 420 - x), 18, false);
                x += w + 10;
            }
        }
        int cw = code.getWidth() * modulePx;
        int ch = code.getHeight() == 1 ? 120 : code.getHeight() * modulePx;
        int x0 = code.getHeight() == 1 ? 40 : 560;
        int y0 = code.getHeight() == 1 ? 260 : 60;
        for (int y = 0; y < ch; y++) {
            for (int x = 0; x < cw; x++) {
                boolean dark = code.get(x / modulePx, code.getHeight() == 1 ? 0 : y / modulePx);
                if (dark) {
                    img.getRaster().setSample(x0 + x, y0 + y, 0, 0);
                }
            }
        }
        return new Label(img, new Rectangle(x0, y0, cw, ch), expected, name);
    }

    private static void fill(BufferedImage img, int x, int y, int w, int h, boolean white) {
        for (int yy = y; yy < y + h; yy++) {
            for (int xx = x; xx < x + w; xx++) {
                img.getRaster().setSample(xx, yy, 0, white ? 1 : 0);
            }
        }
    }

    /** GS1 Data Matrix (FNC1 first; GS in the data becomes FNC1). */
    public static BitMatrix dataMatrixGs1(String raw) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.GS1_FORMAT, Boolean.TRUE);
        hints.put(EncodeHintType.DATA_MATRIX_SHAPE, SymbolShapeHint.FORCE_SQUARE);
        // ZXing applies GS1_FORMAT only in its minimal (compact) encoder
        hints.put(EncodeHintType.DATA_MATRIX_COMPACT, Boolean.TRUE);
        return new DataMatrixWriter().encode(raw, BarcodeFormat.DATA_MATRIX, 0, 0, hints);
    }

    /** QR, error correction M, no margin. */
    public static BitMatrix qr(String text) {
        try {
            Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
            hints.put(EncodeHintType.MARGIN, 0);
            hints.put(EncodeHintType.ERROR_CORRECTION, "M");
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, hints);
        } catch (WriterException e) {
            throw new IllegalArgumentException("cannot encode QR '" + text + "'", e);
        }
    }

    /** GS1-128: FNC1 first, GS in the data becomes FNC1 ('\u00f1' is ZXing's FNC1 escape). */
    public static BitMatrix code128Gs1(String raw) {
        Map<EncodeHintType, Object> hints = new EnumMap<>(EncodeHintType.class);
        hints.put(EncodeHintType.MARGIN, 0);
        String content = "\u00f1" + raw.replace(String.valueOf(GS), "\u00f1");
        return new Code128Writer().encode(content, BarcodeFormat.CODE_128, 0, 0, hints);
    }
}

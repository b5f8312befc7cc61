package io.tracemark.sim;

import com.google.zxing.common.BitMatrix;
import io.tracemark.verify.TestSymbols;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.SplittableRandom;

/**
 * Printed labels for tests until the label package's rasterizer is used: 100 × 50 mm at 8 dots/mm,
 * 1-bit, some "text" blocks and one code (GS1 Data Matrix, QR Digital Link or GS1-128).
 */
final class SyntheticLabels {

    static final int WIDTH = 800;
    static final int HEIGHT = 400;

    record Label(BufferedImage image, Rectangle codeBox, String expected, String kind) {
    }

    private SyntheticLabels() {
    }

    static Label label(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed + n * 7919L);
        String serial = String.format("%06d", 100000 + n);
        int kind = n % 10;
        BitMatrix code;
        String expected;
        int modulePx;
        String name;
        if (kind < 7) {
            expected = "0106901234567892" + "21" + "S" + serial + r.nextInt(1000) + TestSymbols.GS + "10L" + (n % 97);
            code = TestSymbols.dataMatrixGs1(expected);
            modulePx = 4;
            name = "datamatrix";
        } else if (kind < 9) {
            expected = "https://id.example.cn/01/06901234567892/21/S" + serial;
            code = TestSymbols.qr(expected);
            modulePx = 4;
            name = "qr";
        } else {
            expected = "0106901234567892" + "21" + serial;
            code = TestSymbols.code128Gs1(expected);
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
}

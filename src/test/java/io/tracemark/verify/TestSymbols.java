package io.tracemark.verify;

import com.google.zxing.common.BitMatrix;
import io.tracemark.sim.SampleLabels;
import java.awt.image.BufferedImage;

/** Test symbols (encoded by the simulator's SampleLabels with ZXing's writers): GS1 Data Matrix, QR and GS1-128, at a given module size. */
public final class TestSymbols {

    public static final char GS = 29;

    private TestSymbols() {
    }

    /** GS1 Data Matrix (FNC1 first) of raw element-string content (GS between variable-length fields). */
    public static BitMatrix dataMatrixGs1(String raw) {
        return SampleLabels.dataMatrixGs1(raw);
    }

    /** QR, error correction M, no margin. */
    public static BitMatrix qr(String text) {
        return SampleLabels.qr(text);
    }

    /** GS1-128: FNC1 first, GS for later FNC1. */
    public static BitMatrix code128Gs1(String raw) {
        return SampleLabels.code128Gs1(raw);
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

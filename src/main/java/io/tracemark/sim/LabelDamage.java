package io.tracemark.sim;

import java.awt.image.BufferedImage;
import java.util.Random;

/**
 * Damages a rendered label the way a printer fault does, deterministically from a seeded draw, and
 * over the whole label so that no code on it survives intact (the camera must reject it).
 */
final class LabelDamage {

    private LabelDamage() {
    }

    /**
     * A damaged copy of {@code label}. SMEAR: ink dragged sideways (each black dot smeared 6..12 dots to the
     * right), so light modules fill in. PARTIAL (also the partial label of paper or ribbon out): bands
     * of missing print across the label, as from dead print-head elements or a starved ribbon.
     */
    static BufferedImage apply(BufferedImage label, FaultKind kind, Random random) {
        int w = label.getWidth();
        int h = label.getHeight();
        BufferedImage copy = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_BINARY);
        int black = 0xFF000000;
        int white = 0xFFFFFFFF;
        boolean smear = kind == FaultKind.SMEAR;
        int reach = 6 + random.nextInt(7);
        int period = 5 + random.nextInt(4);
        int phase = random.nextInt(period);
        for (int y = 0; y < h; y++) {
            int run = 0;
            for (int x = 0; x < w; x++) {
                boolean ink = (label.getRGB(x, y) & 0xFF) < 128;
                if (smear) {
                    run = ink ? reach : Math.max(0, run - 1);
                    copy.setRGB(x, y, ink || run > 0 ? black : white);
                } else {
                    boolean dead = (x + phase) % period < period / 2 + 1;
                    copy.setRGB(x, y, ink && !dead ? black : white);
                }
            }
        }
        return copy;
    }
}

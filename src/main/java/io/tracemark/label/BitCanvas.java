package io.tracemark.label;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.WritableRaster;

/**
 * A 1-bit drawing surface, one byte per dot (1 = black) for simple clipping and XOR (field
 * reverse); converted once to a packed {@link BufferedImage#TYPE_BYTE_BINARY} image.
 */
final class BitCanvas {

    private final int width;
    private final int height;
    private final byte[] dots;

    BitCanvas(int width, int height) {
        this.width = Math.max(1, width);
        this.height = Math.max(1, height);
        this.dots = new byte[this.width * this.height];
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    boolean get(int x, int y) {
        return x >= 0 && y >= 0 && x < width && y < height && dots[y * width + x] != 0;
    }

    /** Marks one dot black, or flips it when {@code reverse} (ZPL ^FR). */
    void set(int x, int y, boolean reverse) {
        if (x < 0 || y < 0 || x >= width || y >= height) {
            return;
        }
        int k = y * width + x;
        dots[k] = reverse ? (byte) (dots[k] ^ 1) : 1;
    }

    void fillRect(int x, int y, int w, int h, boolean reverse) {
        int x0 = Math.max(0, x);
        int y0 = Math.max(0, y);
        int x1 = Math.min(width, x + w);
        int y1 = Math.min(height, y + h);
        for (int yy = y0; yy < y1; yy++) {
            int row = yy * width;
            for (int xx = x0; xx < x1; xx++) {
                dots[row + xx] = reverse ? (byte) (dots[row + xx] ^ 1) : 1;
            }
        }
    }

    /** Draws the black dots of a mask (true = black) at (x, y), each mask dot scaled to s×s dots. */
    void blit(boolean[][] mask, int x, int y, int scaleX, int scaleY, boolean reverse) {
        for (int my = 0; my < mask.length; my++) {
            boolean[] row = mask[my];
            for (int mx = 0; mx < row.length; mx++) {
                if (row[mx]) {
                    fillRect(x + mx * scaleX, y + my * scaleY, scaleX, scaleY, reverse);
                }
            }
        }
    }

    /** Draws the dark pixels of an image (any type) at (x, y). */
    void blit(BufferedImage image, int x, int y, boolean reverse) {
        for (int iy = 0; iy < image.getHeight(); iy++) {
            for (int ix = 0; ix < image.getWidth(); ix++) {
                if (isDark(image.getRGB(ix, iy))) {
                    set(x + ix, y + iy, reverse);
                }
            }
        }
    }

    static boolean isDark(int argb) {
        int a = (argb >>> 24) & 0xFF;
        int r = (argb >> 16) & 0xFF;
        int g = (argb >> 8) & 0xFF;
        int b = argb & 0xFF;
        return a >= 128 && (r * 299 + g * 587 + b * 114) / 1000 < 128;
    }

    /** Packed 1-bit image, white paper and black dots. */
    BufferedImage toImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_BINARY);
        WritableRaster raster = image.getRaster();
        byte[] packed = ((DataBufferByte) raster.getDataBuffer()).getData();
        int stride = (width + 7) / 8;
        for (int y = 0; y < height; y++) {
            int row = y * width;
            for (int x = 0; x < width; x++) {
                if (dots[row + x] == 0) {
                    packed[y * stride + (x >> 3)] |= (byte) (0x80 >>> (x & 7));
                }
            }
        }
        return image;
    }
}

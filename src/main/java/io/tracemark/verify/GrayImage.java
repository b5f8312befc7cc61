package io.tracemark.verify;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;

/**
 * An 8-bit grayscale image as a plain byte array (row-major, 0 = black, 255 = white); the form the
 * decoder and grader work on. Immutable by convention: operations return new images.
 */
public record GrayImage(int width, int height, byte[] pixels) {

    public GrayImage {
        if (width <= 0 || height <= 0 || pixels.length < width * height) {
            throw new IllegalArgumentException("gray image " + width + "x" + height + " needs "
                    + (long) width * height + " bytes, got " + pixels.length);
        }
    }

    /** Converts any image to gray (luma 0.299R + 0.587G + 0.114B); gray images are copied directly. */
    public static GrayImage of(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
            Raster raster = image.getRaster();
            if (raster.getDataBuffer() instanceof DataBufferByte buffer && raster.getParent() == null
                    && raster.getSampleModelTranslateX() == 0 && buffer.getNumBanks() == 1
                    && buffer.getData().length == w * h) {
                return new GrayImage(w, h, buffer.getData().clone());
            }
            return new GrayImage(w, h, (byte[]) raster.getDataElements(0, 0, w, h, null));
        }
        int[] rgb = image.getRGB(0, 0, w, h, null, 0, w);
        byte[] out = new byte[w * h];
        for (int i = 0; i < rgb.length; i++) {
            int p = rgb[i];
            int luma = (299 * ((p >> 16) & 0xff) + 587 * ((p >> 8) & 0xff) + 114 * (p & 0xff)) / 1000;
            out[i] = (byte) luma;
        }
        return new GrayImage(w, h, out);
    }

    public int at(int x, int y) {
        return pixels[y * width + x] & 0xff;
    }

    /** Bilinear sample at a fractional position, clamped to the image. */
    public double sample(double x, double y) {
        double fx = Math.max(0, Math.min(width - 1.001, x - 0.5));
        double fy = Math.max(0, Math.min(height - 1.001, y - 0.5));
        int x0 = (int) fx;
        int y0 = (int) fy;
        double dx = fx - x0;
        double dy = fy - y0;
        double top = at(x0, y0) * (1 - dx) + at(x0 + 1, y0) * dx;
        double bottom = at(x0, y0 + 1) * (1 - dx) + at(x0 + 1, y0 + 1) * dx;
        return top * (1 - dy) + bottom * dy;
    }

    /** The part of this image inside {@code r} (clipped to the image). */
    public GrayImage crop(Rectangle r) {
        Rectangle c = r.intersection(new Rectangle(0, 0, width, height));
        if (c.isEmpty()) {
            throw new IllegalArgumentException("crop " + r + " lies outside the " + width + "x" + height + " image");
        }
        byte[] out = new byte[c.width * c.height];
        for (int y = 0; y < c.height; y++) {
            System.arraycopy(pixels, (c.y + y) * width + c.x, out, y * c.width, c.width);
        }
        return new GrayImage(c.width, c.height, out);
    }

    /** Rotated clockwise by {@code quarterTurns} × 90°. */
    public GrayImage rotate(int quarterTurns) {
        int turns = Math.floorMod(quarterTurns, 4);
        if (turns == 0) {
            return this;
        }
        int w2 = turns == 2 ? width : height;
        int h2 = turns == 2 ? height : width;
        byte[] out = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int nx;
                int ny;
                switch (turns) {
                    case 1 -> { nx = height - 1 - y; ny = x; }
                    case 2 -> { nx = width - 1 - x; ny = height - 1 - y; }
                    default -> { nx = y; ny = width - 1 - x; }
                }
                out[ny * w2 + nx] = pixels[y * width + x];
            }
        }
        return new GrayImage(w2, h2, out);
    }

    /** Scaled by {@code factor} (area average when shrinking, bilinear when enlarging). */
    public GrayImage scale(double factor) {
        int w2 = Math.max(1, (int) Math.round(width * factor));
        int h2 = Math.max(1, (int) Math.round(height * factor));
        byte[] out = new byte[w2 * h2];
        if (factor < 1.0) {
            int step = Math.max(1, (int) Math.round(1 / factor));
            for (int y = 0; y < h2; y++) {
                for (int x = 0; x < w2; x++) {
                    out[y * w2 + x] = (byte) boxMean(x * step, y * step, step);
                }
            }
        } else {
            for (int y = 0; y < h2; y++) {
                for (int x = 0; x < w2; x++) {
                    out[y * w2 + x] = (byte) Math.round(sample((x + 0.5) / factor, (y + 0.5) / factor));
                }
            }
        }
        return new GrayImage(w2, h2, out);
    }

    private int boxMean(int x0, int y0, int size) {
        int sum = 0;
        int n = 0;
        for (int y = y0; y < Math.min(height, y0 + size); y++) {
            for (int x = x0; x < Math.min(width, x0 + size); x++) {
                sum += at(x, y);
                n++;
            }
        }
        return n == 0 ? 255 : sum / n;
    }

    /**
     * A {@code w}×{@code h} image whose pixel (x, y) is this image sampled (bilinear) at
     * {@code toThis(x + 0.5, y + 0.5)}; outside this image it is white (no long dark edge streaks).
     */
    public GrayImage warp(ViewMapping toThis, int w, int h) {
        byte[] out = new byte[w * h];
        for (int y = 0; y < h; y++) {
            double px = toThis.a() * 0.5 + toThis.b() * (y + 0.5) + toThis.c();
            double py = toThis.d() * 0.5 + toThis.e() * (y + 0.5) + toThis.f();
            for (int x = 0; x < w; x++) {
                boolean inside = px >= 0 && py >= 0 && px < width && py < height;
                out[y * w + x] = inside ? (byte) Math.round(sample(px, py)) : (byte) 255;
                px += toThis.a();
                py += toThis.d();
            }
        }
        return new GrayImage(w, h, out);
    }

    /** A TYPE_BYTE_GRAY BufferedImage sharing nothing with this image. */
    public BufferedImage toBufferedImage() {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setDataElements(0, 0, width, height, pixels.clone());
        return image;
    }
}

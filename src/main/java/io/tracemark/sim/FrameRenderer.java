package io.tracemark.sim;

import com.google.zxing.common.PerspectiveTransform;
import io.tracemark.verify.GrayImage;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Optional;
import java.util.SplittableRandom;

/** Draws one camera frame: places the label by the plan's pose, then applies its degradations. */
final class FrameRenderer {

    private static final int NOISE_TABLE = 1 << 16;
    private static final double[] GAUSS = gaussTable();

    private final CameraSettings cam;

    FrameRenderer(CameraSettings cam) {
        this.cam = cam;
    }

    /**
     * @param label the label shown (null for a missing label)
     * @param codeBoxInLabel the code box in label dots, for damage and for reporting where it lands
     * @return the frame and the code box in frame pixels
     */
    Rendered render(BufferedImage label, Rectangle codeBoxInLabel, int labelW, int labelH, DegradationPlan plan) {
        SplittableRandom r = new SplittableRandom(plan.frame() * 0x632BE59BD9B4E019L + 7);
        float[] f = new float[cam.width() * cam.height()];
        java.util.Arrays.fill(f, cam.background());
        float[] quad = labelQuad(labelW, labelH, plan);
        PerspectiveTransform labelToFrame = PerspectiveTransform.quadrilateralToQuadrilateral(
                0, 0, labelW, 0, labelW, labelH, 0, labelH,
                quad[0], quad[1], quad[2], quad[3], quad[4], quad[5], quad[6], quad[7]);
        Rectangle box = bounds(labelToFrame, codeBoxInLabel);
        Rectangle area = bounds(labelToFrame, new Rectangle(0, 0, labelW, labelH));
        if (label != null) {
            float[] ink = labelGray(label, codeBoxInLabel, plan, r);
            place(f, ink, label.getWidth(), label.getHeight(), quad, labelW, labelH, area);
        }
        for (Degradation d : plan.degradations()) {
            if (d instanceof Degradation.LowContrast c) {
                lowContrast(f, c.factor());
            } else if (d instanceof Degradation.Blur b) {
                blur(f, area, b.sigmaPx());
            }
        }
        for (Degradation d : plan.degradations()) {
            if (d instanceof Degradation.UnevenLight u) {
                unevenLight(f, u.strength(), u.angleDeg());
            }
        }
        for (Degradation d : plan.degradations()) {
            if (d instanceof Degradation.Noise n) {
                noise(f, n.sigma(), r);
            }
        }
        return new Rendered(toImage(f), Optional.of(box));
    }

    record Rendered(BufferedImage frame, Optional<Rectangle> codeBox) {
    }

    private float[] labelQuad(int labelW, int labelH, DegradationPlan plan) {
        double s = cam.pixelsPerMm() / cam.printerDotsPerMm();
        double cx = cam.width() / 2.0 + plan.offsetXmm() * cam.pixelsPerMm();
        double cy = cam.height() / 2.0 + plan.offsetYmm() * cam.pixelsPerMm();
        double a = Math.toRadians(plan.rotationDeg());
        double shrink = plan.degradations().stream().filter(d -> d instanceof Degradation.Perspective)
                .mapToDouble(d -> ((Degradation.Perspective) d).shrink()).sum();
        double hw = labelW * s / 2;
        double hh = labelH * s / 2;
        // corners TL, TR, BR, BL; the right edge is shortened by "shrink" (the label leans away)
        double[][] c = {{-hw, -hh}, {hw, -hh * (1 - shrink)}, {hw, hh * (1 - shrink)}, {-hw, hh}};
        float[] q = new float[8];
        for (int i = 0; i < 4; i++) {
            q[2 * i] = (float) (cx + c[i][0] * Math.cos(a) - c[i][1] * Math.sin(a));
            q[2 * i + 1] = (float) (cy + c[i][0] * Math.sin(a) + c[i][1] * Math.cos(a));
        }
        return q;
    }

    private Rectangle bounds(PerspectiveTransform t, Rectangle r) {
        float[] p = {r.x, r.y, r.x + r.width, r.y, r.x + r.width, r.y + r.height, r.x, r.y + r.height};
        t.transformPoints(p);
        double minX = Math.min(Math.min(p[0], p[2]), Math.min(p[4], p[6]));
        double maxX = Math.max(Math.max(p[0], p[2]), Math.max(p[4], p[6]));
        double minY = Math.min(Math.min(p[1], p[3]), Math.min(p[5], p[7]));
        double maxY = Math.max(Math.max(p[1], p[3]), Math.max(p[5], p[7]));
        Rectangle b = new Rectangle((int) Math.floor(minX), (int) Math.floor(minY),
                (int) Math.ceil(maxX - minX) + 1, (int) Math.ceil(maxY - minY) + 1);
        return b.intersection(new Rectangle(0, 0, cam.width(), cam.height()));
    }

    /** The label as gray levels under the light (paper / ink), with smear and voids drawn into the code. */
    private float[] labelGray(BufferedImage label, Rectangle code, DegradationPlan plan, SplittableRandom r) {
        int w = label.getWidth();
        int h = label.getHeight();
        float[] out = new float[w * h];
        float span = cam.paper() - cam.ink();
        if (label.getType() == BufferedImage.TYPE_BYTE_BINARY && label.getColorModel().getPixelSize() == 1) {
            int[] bits = label.getRaster().getSamples(0, 0, w, h, 0, (int[]) null);
            for (int i = 0; i < out.length; i++) {
                out[i] = bits[i] != 0 ? cam.paper() : cam.ink();
            }
        } else {
            GrayImage g = GrayImage.of(label);
            for (int i = 0; i < out.length; i++) {
                out[i] = cam.ink() + span * (g.pixels()[i] & 0xff) / 255f;
            }
        }
        for (Degradation d : plan.degradations()) {
            if (d instanceof Degradation.Smear s) {
                smear(out, w, code, s.coverage(), r);
            } else if (d instanceof Degradation.Voids v) {
                voids(out, w, h, code, v, r);
            }
        }
        return out;
    }

    private void smear(float[] px, int w, Rectangle code, double coverage, SplittableRandom r) {
        boolean horizontal = r.nextBoolean();
        int extent = horizontal ? code.height : code.width;
        int band = (int) Math.round(extent * coverage);
        int start = r.nextInt(Math.max(1, extent - band + 1));
        for (int y = code.y; y < code.y + code.height; y++) {
            for (int x = code.x; x < code.x + code.width; x++) {
                int along = horizontal ? y - code.y : x - code.x;
                if (along >= start && along < start + band && y * w + x < px.length) {
                    px[y * w + x] = cam.ink() + 0.1f * (px[y * w + x] - cam.ink());
                }
            }
        }
    }

    private void voids(float[] px, int w, int h, Rectangle code, Degradation.Voids v, SplittableRandom r) {
        double area = code.width * (double) code.height * v.coverage();
        double radius = Math.sqrt(area / v.count() / Math.PI);
        for (int i = 0; i < v.count(); i++) {
            double cx = code.x + r.nextDouble() * code.width;
            double cy = code.y + r.nextDouble() * code.height;
            for (int y = (int) (cy - radius); y <= cy + radius; y++) {
                for (int x = (int) (cx - radius); x <= cx + radius; x++) {
                    if (x >= 0 && y >= 0 && x < w && y < h && Math.hypot(x - cx, y - cy) <= radius) {
                        px[y * w + x] = cam.paper();
                    }
                }
            }
        }
    }

    private void place(float[] f, float[] label, int lw, int lh, float[] quad, int labelW, int labelH, Rectangle area) {
        PerspectiveTransform frameToLabel = PerspectiveTransform.quadrilateralToQuadrilateral(
                quad[0], quad[1], quad[2], quad[3], quad[4], quad[5], quad[6], quad[7],
                0, 0, labelW, 0, labelW, labelH, 0, labelH);
        float[] row = new float[2 * area.width];
        for (int y = area.y; y < area.y + area.height; y++) {
            for (int i = 0; i < area.width; i++) {
                row[2 * i] = area.x + i + 0.5f;
                row[2 * i + 1] = y + 0.5f;
            }
            frameToLabel.transformPoints(row);
            for (int i = 0; i < area.width; i++) {
                float lx = row[2 * i] - 0.5f;
                float ly = row[2 * i + 1] - 0.5f;
                if (lx >= 0 && ly >= 0 && lx < lw - 1 && ly < lh - 1) {
                    int x0 = (int) lx;
                    int y0 = (int) ly;
                    float dx = lx - x0;
                    float dy = ly - y0;
                    int k = y0 * lw + x0;
                    float top = label[k] * (1 - dx) + label[k + 1] * dx;
                    float bottom = label[k + lw] * (1 - dx) + label[k + lw + 1] * dx;
                    f[y * cam.width() + area.x + i] = top * (1 - dy) + bottom * dy;
                }
            }
        }
    }

    private void lowContrast(float[] f, double factor) {
        float mid = (cam.paper() + cam.ink()) / 2f;
        for (int i = 0; i < f.length; i++) {
            f[i] = (float) (mid + (f[i] - mid) * factor);
        }
    }

    private void blur(float[] f, Rectangle area, double sigma) {
        int radius = (int) Math.ceil(sigma * 3);
        float[] k = new float[2 * radius + 1];
        float sum = 0;
        for (int i = -radius; i <= radius; i++) {
            k[i + radius] = (float) Math.exp(-i * i / (2 * sigma * sigma));
            sum += k[i + radius];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        Rectangle a = new Rectangle(area.x - radius, area.y - radius, area.width + 2 * radius, area.height + 2 * radius)
                .intersection(new Rectangle(0, 0, cam.width(), cam.height()));
        int w = cam.width();
        float[] tmp = new float[Math.max(a.width, a.height)];
        for (int y = a.y; y < a.y + a.height; y++) {
            for (int x = a.x; x < a.x + a.width; x++) {
                float acc = 0;
                for (int j = -radius; j <= radius; j++) {
                    int xx = Math.min(w - 1, Math.max(0, x + j));
                    acc += k[j + radius] * f[y * w + xx];
                }
                tmp[x - a.x] = acc;
            }
            System.arraycopy(tmp, 0, f, y * w + a.x, a.width);
        }
        for (int x = a.x; x < a.x + a.width; x++) {
            for (int y = a.y; y < a.y + a.height; y++) {
                float acc = 0;
                for (int j = -radius; j <= radius; j++) {
                    int yy = Math.min(cam.height() - 1, Math.max(0, y + j));
                    acc += k[j + radius] * f[yy * w + x];
                }
                tmp[y - a.y] = acc;
            }
            for (int y = a.y; y < a.y + a.height; y++) {
                f[y * w + x] = tmp[y - a.y];
            }
        }
    }

    private void unevenLight(float[] f, double strength, double angleDeg) {
        double ax = Math.cos(Math.toRadians(angleDeg));
        double ay = Math.sin(Math.toRadians(angleDeg));
        double span = Math.abs(ax) * cam.width() + Math.abs(ay) * cam.height();
        double min = Math.min(0, ax * cam.width()) + Math.min(0, ay * cam.height());
        float step = (float) (-strength * ax / span);
        for (int y = 0; y < cam.height(); y++) {
            float gain = (float) (1 - strength * (ay * y - min) / span);
            int base = y * cam.width();
            for (int x = 0; x < cam.width(); x++) {
                f[base + x] *= gain;
                gain += step;
            }
        }
    }

    private static void noise(float[] f, double sigma, SplittableRandom r) {
        int start = r.nextInt(NOISE_TABLE);
        int stride = 1 + 2 * r.nextInt(1, 4000);
        int k = start;
        for (int i = 0; i < f.length; i++) {
            f[i] += (float) (GAUSS[k] * sigma);
            k = (k + stride) & (NOISE_TABLE - 1);
        }
    }

    private static double[] gaussTable() {
        SplittableRandom r = new SplittableRandom(0x5EEDL);
        double[] t = new double[NOISE_TABLE];
        for (int i = 0; i < t.length; i += 2) {
            double u1 = Math.max(1e-12, r.nextDouble());
            double u2 = r.nextDouble();
            double m = Math.sqrt(-2 * Math.log(u1));
            t[i] = m * Math.cos(2 * Math.PI * u2);
            t[i + 1] = m * Math.sin(2 * Math.PI * u2);
        }
        return t;
    }

    private BufferedImage toImage(float[] f) {
        byte[] out = new byte[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = (byte) Math.max(0, Math.min(255, Math.round(f[i])));
        }
        return new GrayImage(cam.width(), cam.height(), out).toBufferedImage();
    }
}

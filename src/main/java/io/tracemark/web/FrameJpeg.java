package io.tracemark.web;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * A camera frame as the panel shows it: scaled down to at most {@value #MAX_WIDTH} pixels wide, with
 * the box where the code was found drawn in {@link #BOX_COLOUR}, as a JPEG (ImageIO's baseline
 * encoder, quality {@value #QUALITY}) — a few tens of kilobytes where the frame's PNG is hundreds.
 */
final class FrameJpeg {

    static final int MAX_WIDTH = 640;
    static final float QUALITY = 0.75f;
    /** Green, saturated so that it stands out on a gray label and survives JPEG compression. */
    static final Color BOX_COLOUR = new Color(0, 220, 0);
    /** Line width of the box in pixels of the scaled image. */
    static final int BOX_LINE = 4;

    private FrameJpeg() {
    }

    /** The scale the frame is drawn at (1 when it is narrow enough already). */
    static double scaleOf(BufferedImage frame) {
        return frame.getWidth() <= MAX_WIDTH ? 1.0 : MAX_WIDTH / (double) frame.getWidth();
    }

    static byte[] encode(BufferedImage frame, Optional<Rectangle> box) {
        double scale = scaleOf(frame);
        int w = Math.max(1, (int) Math.round(frame.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(frame.getHeight() * scale));
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(frame, 0, 0, w, h, null);
            box.ifPresent(b -> {
                g.setColor(BOX_COLOUR);
                g.setStroke(new BasicStroke(BOX_LINE));
                // the line lies just outside the code, so the code itself stays visible
                int m = BOX_LINE / 2 + 1;
                g.drawRect((int) Math.floor(b.x * scale) - m, (int) Math.floor(b.y * scale) - m,
                        (int) Math.ceil(b.width * scale) + 2 * m, (int) Math.ceil(b.height * scale) + 2 * m);
            });
        } finally {
            g.dispose();
        }
        return jpeg(out);
    }

    private static byte[] jpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the camera frame as JPEG", e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}

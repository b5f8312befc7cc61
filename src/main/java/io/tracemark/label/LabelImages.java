package io.tracemark.label;

import io.tracemark.core.TracemarkException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** Writes rasterized labels as PNG (one dot per pixel) or PDF (one page per label, at the label's physical size). */
public final class LabelImages {

    private static final float POINTS_PER_MM = 72f / 25.4f;

    private LabelImages() {
    }

    /** PNG of one label; 1-bit, one pixel per printer dot. */
    public static byte[] png(RasterLabel label) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(label.image(), "png", out);
        } catch (IOException e) {
            throw new TracemarkException("cannot write PNG: " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    /** A PDF with one page per label, each page exactly the label's size in mm. */
    public static void pdf(List<RasterLabel> labels, OutputStream out) {
        try (PDDocument doc = new PDDocument()) {
            for (RasterLabel label : labels) {
                float w = (float) label.widthMm() * POINTS_PER_MM;
                float h = (float) label.heightMm() * POINTS_PER_MM;
                PDPage page = new PDPage(new PDRectangle(w, h));
                doc.addPage(page);
                PDImageXObject image = LosslessFactory.createFromImage(doc, label.image());
                try (PDPageContentStream content = new PDPageContentStream(doc, page)) {
                    content.drawImage(image, 0, 0, w, h);
                }
            }
            doc.save(out);
        } catch (IOException e) {
            throw new TracemarkException("cannot write PDF: " + e.getMessage(), e);
        }
    }

    /** {@link #pdf(List, OutputStream)} into bytes. */
    public static byte[] pdf(List<RasterLabel> labels) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pdf(labels, out);
        return out.toByteArray();
    }
}

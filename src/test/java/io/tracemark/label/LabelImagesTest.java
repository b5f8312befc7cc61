package io.tracemark.label;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

class LabelImagesTest {

    @Test
    void pngHasOnePixelPerDotAndPdfPagesHaveTheLabelsPhysicalSize() throws IOException {
        LabelTemplate t = TemplateLibrary.bundled().load("case-sscc");
        LabelTarget target = LabelTarget.standard(8);
        List<RasterLabel> labels = new ZplRasterizer(target).feed(t.writer(target).label(t.sample()));
        BufferedImage png = ImageIO.read(new ByteArrayInputStream(LabelImages.png(labels.get(0))));
        assertEquals(800, png.getWidth());
        assertEquals(1200, png.getHeight());
        try (PDDocument doc = Loader.loadPDF(LabelImages.pdf(labels))) {
            assertEquals(1, doc.getNumberOfPages());
            PDRectangle box = doc.getPage(0).getMediaBox();
            assertEquals(100.0, box.getWidth() * 25.4 / 72, 0.01);
            assertEquals(150.0, box.getHeight() * 25.4 / 72, 0.01);
        }
    }
}

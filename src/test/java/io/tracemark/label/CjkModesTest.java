package io.tracemark.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The three ways Chinese text reaches paper all print the same dots; a printer without the font prints none. */
class CjkModesTest {

    private static final LabelTemplate ITEM = TemplateLibrary.bundled().load("item-gs1-datamatrix");
    private static final LabelValues SAMPLE = LabelValues.of(ITEM.sample());

    /** The product-name line: x 150..390, y 12..34 at 8 dots/mm. */
    private static int productNameDots(RasterLabel label) {
        return SymbolDecoder.dark(label.image(), 150, 12, 240, 24);
    }

    private static RasterLabel print(LabelTarget writerTarget, LabelTarget printerTarget) {
        LabelWriter writer = ITEM.writer(writerTarget);
        ZplRasterizer printer = new ZplRasterizer(printerTarget);
        assertTrue(printer.feed(writer.setup()).isEmpty());
        List<RasterLabel> labels = printer.feed(writer.label(SAMPLE));
        assertEquals(1, labels.size());
        return labels.get(0);
    }

    @Test
    void residentDownloadAndBitmapPrintIdenticalLabels() {
        LabelTarget resident = LabelTarget.standard(8);
        LabelTarget download = resident.withCjkMode(CjkFontMode.DOWNLOAD);
        LabelTarget bitmap = resident.withCjkMode(CjkFontMode.BITMAP);
        RasterLabel r = print(resident, resident);
        RasterLabel d = print(download, download);
        RasterLabel b = print(bitmap, bitmap);
        assertTrue(productNameDots(r) > 300, "resident font prints 产品名称: " + productNameDots(r));
        ZplRasterizerTest.assertImagesEqual(r.image(), d.image());
        ZplRasterizerTest.assertImagesEqual(r.image(), b.image());
    }

    @Test
    void eachModeWritesItsOwnZpl() {
        String resident = ITEM.writer(LabelTarget.standard(8)).label(SAMPLE);
        assertTrue(resident.contains("^CI28") && resident.contains("^A@N,20,20,E:SIMSUN.TTF"), resident);
        LabelWriter download = ITEM.writer(LabelTarget.standard(8).withCjkMode(CjkFontMode.DOWNLOAD));
        assertTrue(download.label(SAMPLE).contains("^A@N,20,20,E:TMCJK.TTF"));
        assertTrue(download.setup().startsWith("~DYE:TMCJK,A,T,"));
        String bitmap = ITEM.writer(LabelTarget.standard(8).withCjkMode(CjkFontMode.BITMAP)).label(SAMPLE);
        assertFalse(bitmap.contains("^A@"), "no font needed");
        assertTrue(bitmap.contains("^GFA,"), bitmap);
        assertTrue(ZplLinter.lint(bitmap).isEmpty(), ZplLinter.lint(bitmap).toString());
    }

    @Test
    void residentFontLabelOnAPrinterWithoutTheFontLosesTheChinese() {
        RasterLabel r = print(LabelTarget.standard(8), LabelTarget.standard(8).withCjkMode(CjkFontMode.BITMAP));
        assertEquals(0, productNameDots(r), "a printer without E:SIMSUN.TTF cannot print 产品名称");
    }

    @Test
    void bitmapTextRoundTripsThroughGfa() {
        TextPainter.TextMask mask = TextPainter.paintField(LabelFonts.system().cjk(), "生产者：广州示例", 20, 20, true, null);
        GraphicField g = GraphicField.of(mask.dots());
        GraphicField back = GraphicField.decodeHex(g.compressedHex(), g.data().length, g.bytesPerRow());
        assertEquals(g, back);
        boolean[][] dots = back.dots();
        int dark = 0;
        for (int y = 0; y < mask.height(); y++) {
            for (int x = 0; x < mask.width(); x++) {
                assertEquals(mask.dots()[y][x], dots[y][x]);
                dark += dots[y][x] ? 1 : 0;
            }
        }
        assertTrue(dark > 200);
        assertTrue(g.compressedHex().length() < g.data().length * 2, "compressed");
    }
}

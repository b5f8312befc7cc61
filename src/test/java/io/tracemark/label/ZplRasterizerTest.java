package io.tracemark.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ZplRasterizerTest {

    private static final String GS = "\u001d";

    private final ZplRasterizer printer = new ZplRasterizer(LabelTarget.standard(8));

    private static RenderedField first(RasterLabel label, RenderedField.Kind kind) {
        return label.fields().stream().filter(f -> f.kind() == kind).findFirst().orElseThrow();
    }

    private static String show(String s) {
        return SymbolPainter.printable(s);
    }

    @Test
    void gs1DataMatrixCarriesFnc1FirstAndBetweenVariableFields() {
        List<RasterLabel> labels = printer.feed("^XA^PW400^LL240^FO20,20^BXN,4,200,,,,#,1"
                + "^FH_^FD#10106901234567892101A_5EB#11724123110ABC^FS^XZ");
        assertEquals(1, labels.size());
        RasterLabel label = labels.get(0);
        RenderedField dm = first(label, RenderedField.Kind.SYMBOL);
        SymbolDecoder.Decoded d = SymbolDecoder.decode(label, dm);
        assertEquals("]d2", d.symbologyIdentifier());
        assertEquals(show("0106901234567892" + "101A^B" + GS + "17241231" + "10ABC"), show(d.text()));
        assertEquals(400, label.image().getWidth());
        assertEquals(240, label.image().getHeight());
        assertEquals(0, dm.width() % 4, "module size 4 dots");
    }

    @Test
    void gs1128StartsWithFnc1InSubsetC() {
        RasterLabel label = printer.feed("^XA^PW800^LL400^BY2^FO40,40^BCN,120,N,N,N,N^FD>;>800069012345000000017^FS^XZ").get(0);
        SymbolDecoder.Decoded d = SymbolDecoder.decode(label, first(label, RenderedField.Kind.SYMBOL));
        assertEquals("]C1", d.symbologyIdentifier());
        assertEquals("00069012345000000017", d.text());
    }

    @Test
    void qrAutomaticModeCarriesTheUrlAfterTheModePrefix() {
        String url = "https://id.example.cn/01/06901234567892/21/A1B2C3?17=241231";
        RasterLabel label = printer.feed("^XA^PW400^LL400^FO20,20^BQN,2,4^FH_^FDQA," + url + "^FS^XZ").get(0);
        RenderedField qr = first(label, RenderedField.Kind.SYMBOL);
        SymbolDecoder.Decoded d = SymbolDecoder.decode(label, qr);
        assertEquals("]Q1", d.symbologyIdentifier());
        assertEquals(url, d.text());
        assertEquals(0, qr.width() % 4, "magnification 4");
    }

    @Test
    void ean13() {
        RasterLabel label = printer.feed("^XA^PW400^LL200^BY2^FO40,20^BEN,100,N,N^FD690123456789^FS^XZ").get(0);
        SymbolDecoder.Decoded d = SymbolDecoder.decode(label, first(label, RenderedField.Kind.SYMBOL));
        assertEquals("6901234567892", d.text());
    }

    @Test
    void storedFormatPersistsAcrossBlocksAndPrintsLikeTheFullLabel() {
        String body = "^PW400^LL240^FO20,20^BXN,5,200,,,,#,1%s^FO200,30^A0N,30,30%s^FS^FO0,0^GB400,240,3^FS";
        String full = "^XA^CI28" + body.formatted("^FH_^FD#10106901234567892101A1", "^FH_^FDA1") + "^XZ";
        List<RasterLabel> none = printer.feed("^XA^DFR:T1.ZPL^FS^CI28" + body.formatted("^FN1", "^FN2") + "^XZ");
        assertTrue(none.isEmpty(), "^DF prints nothing");
        assertEquals(java.util.Set.of("R:T1.ZPL"), printer.storedFormats());
        List<RasterLabel> recalled = printer.feed("^XA^XFR:T1.ZPL^FS^FN1^FH_^FD#10106901234567892101A1^FS^FN2^FH_^FDA1^FS^PQ3^XZ");
        RasterLabel direct = new ZplRasterizer(LabelTarget.standard(8)).feed(full).get(0);
        assertEquals(1, recalled.size());
        assertEquals(3, recalled.get(0).quantity());
        assertImagesEqual(direct.image(), recalled.get(0).image());
    }

    @Test
    void withoutDrawingARecalledFormatYieldsItsFieldsAndTheSymbolsAimIdButNoImage() {
        ZplRasterizer reader = ZplRasterizer.withoutDrawing(LabelTarget.standard(8));
        reader.feed("^XA^DFR:T1.ZPL^FS^CI28^FO20,20^BXN,5,200,,,,#,1^FN1^FS^FO200,30^A0N,30,30^FN2^FS^XZ");
        List<RasterLabel> labels = reader.feed("^XA^XFR:T1.ZPL^FS^FN1^FH_^FD#10106901234567892101A1^FS"
                + "^FN2^FH_^FDA1^FS^XZ");
        assertEquals(1, labels.size());
        assertEquals(null, labels.get(0).image());
        RenderedField symbol = labels.get(0).fields().get(0);
        assertEquals(RenderedField.Kind.SYMBOL, symbol.kind());
        assertEquals("]d2", symbol.aimId());
        assertEquals("0106901234567892101A1", symbol.data());
        assertEquals("A1", labels.get(0).fields().get(1).data());
    }

    @Test
    void textFieldDataIsHexDecodedUtf8() {
        RasterLabel label = printer.feed("^XA^CI28^PW400^LL100^FO10,10^A0N,30,30^FH_^FD_5EXZ_7EJA__E4_B8_AD^FS^XZ").get(0);
        assertEquals("^XZ~JA_中", first(label, RenderedField.Kind.TEXT).data());
    }

    @Test
    void chineseNeedsACjkFontOnThePrinter() {
        String zpl = "^XA^CI28^PW400^LL100^FO10,10%s^FH_^FD_E4_BA_A7_E5_93_81^FS^XZ";
        RasterLabel resident = printer.feed(zpl.formatted("^A@N,40,40,E:SIMSUN.TTF")).get(0);
        RasterLabel builtin = printer.feed(zpl.formatted("^A0N,40,40")).get(0);
        RasterLabel unknown = printer.feed(zpl.formatted("^A@N,40,40,E:OTHER.TTF")).get(0);
        assertTrue(SymbolDecoder.dark(resident.image(), 10, 10, 100, 50) > 150, "resident font prints 产品");
        assertEquals(0, SymbolDecoder.dark(builtin.image(), 0, 0, 400, 100), "font 0 has no CJK glyphs");
        assertEquals(0, SymbolDecoder.dark(unknown.image(), 0, 0, 400, 100), "unknown font falls back to font 0");
    }

    @Test
    void graphicFieldRoundTripsCompressedAndPlain() {
        Random random = new Random(42);
        boolean[][] dots = new boolean[37][53];
        for (int y = 0; y < dots.length; y++) {
            for (int x = 0; x < dots[y].length; x++) {
                dots[y][x] = y % 9 == 0 ? x > 10 : random.nextInt(5) == 0;
            }
        }
        GraphicField g = GraphicField.of(dots);
        assertEquals(g, GraphicField.decodeHex(g.compressedHex(), g.data().length, g.bytesPerRow()));
        RasterLabel label = printer.feed("^XA^PW100^LL60^FO5,7" + g.toZpl() + "^FS^XZ").get(0);
        for (int y = 0; y < dots.length; y++) {
            for (int x = 0; x < dots[y].length; x++) {
                assertEquals(dots[y][x], (label.image().getRGB(5 + x, 7 + y) & 0xFFFFFF) == 0, x + "," + y);
            }
        }
    }

    @Test
    void boxAndFieldReverse() {
        RasterLabel label = printer.feed("^XA^PW100^LL100^FO10,10^GB50,50,50^FS^FO20,20^FR^GB10,10,10^FS^XZ").get(0);
        BufferedImage img = label.image();
        assertEquals(0, img.getRGB(15, 15) & 0xFFFFFF);
        assertEquals(0xFFFFFF, img.getRGB(25, 25) & 0xFFFFFF, "reversed field clears black");
        assertEquals(0xFFFFFF, img.getRGB(70, 70) & 0xFFFFFF);
    }

    @Test
    void controlCommandsAreSkippedNotPrinted() {
        List<RasterLabel> labels = printer.feed("~JA^XA^PW50^LL50^XZ~HS");
        assertEquals(1, labels.size());
        assertEquals(List.of("~JA line 1", "~HS line 1"), printer.skipped());
    }

    static void assertImagesEqual(BufferedImage a, BufferedImage b) {
        assertEquals(a.getWidth(), b.getWidth());
        assertEquals(a.getHeight(), b.getHeight());
        int[] pa = a.getRGB(0, 0, a.getWidth(), a.getHeight(), null, 0, a.getWidth());
        int[] pb = b.getRGB(0, 0, b.getWidth(), b.getHeight(), null, 0, b.getWidth());
        assertArrayEquals(pa, pb);
    }
}

package io.tracemark.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FrameDecoderTest {

    private static final String RAW = "0106901234567892" + "21ABC123" + TestSymbols.GS + "10LOT7";

    private final FrameDecoder decoder = new FrameDecoder();
    private final Grader grader = Grader.iso();

    @Test
    void readsGs1DataMatrixWithItsSymbologyIdentifierAndGradesACleanPrintA() {
        BufferedImage img = TestSymbols.render(TestSymbols.dataMatrixGs1(RAW), 8, 4);
        Decoded d = decoder.decode(img, Optional.empty()).orElseThrow();
        assertEquals(RAW.chars().boxed().toList(), d.data().chars().boxed().toList());
        assertEquals("]d2", d.symbologyId());
        assertEquals(Symbology.DATA_MATRIX, d.symbology());
        assertTrue(d.geometry().isPresent(), "grid reconstructed");
        Grades g = grader.grade(d);
        assertEquals("A", g.overall().letter(), g.toString());
        assertEquals(0.0, g.measurements().get("fixedPatternDamage"));
    }

    @Test
    void readsQrAndGradesIt() {
        String url = "https://id.example.com/01/06901234567892/21/ABC123";
        BufferedImage img = TestSymbols.render(TestSymbols.qr(url), 6, 4);
        Decoded d = decoder.decode(img, Optional.of(new Rectangle(24, 24, img.getWidth() - 48, img.getHeight() - 48)))
                .orElseThrow();
        assertEquals(url, d.data());
        assertEquals("]Q1", d.symbologyId());
        Grades g = grader.grade(d);
        assertEquals("A", g.overall().letter(), g.toString());
    }

    @Test
    void readsGs1128() {
        BufferedImage img = TestSymbols.render(TestSymbols.code128Gs1(RAW), 3, 10);
        Decoded d = decoder.decode(img, Optional.empty()).orElseThrow();
        assertEquals(RAW.chars().boxed().toList(), d.data().chars().boxed().toList());
        assertEquals("]C1", d.symbologyId());
        Grades g = grader.grade(d);
        assertEquals("A", g.overall().letter(), g.toString());
    }

    @Test
    void aBlankFrameIsNoRead() {
        BufferedImage img = new BufferedImage(640, 480, BufferedImage.TYPE_BYTE_GRAY);
        assertTrue(decoder.decode(img, Optional.empty()).isEmpty());
    }

    /** Every attempt pays for its pixels; once the budget is spent every further attempt is refused. */
    @Test
    void theWorkBudgetIsCountedAndRunsOut() {
        FrameDecoder.Search search = new FrameDecoder.Search(0, 10);
        assertTrue(search.spend(4L * FrameDecoder.UNIT_PIXELS, 1), "4 of 10");
        assertTrue(search.spend(FrameDecoder.UNIT_PIXELS + 1, 2), "2 units of 2 each: 8 of 10");
        assertTrue(search.spend(1, 3), "the last attempt may overdraw");
        assertFalse(search.spend(1, 1), "nothing left");
    }

    /**
     * Frames of the template corpus without a readable symbol (blank label, label without code, smeared
     * code) read nothing, with and without a box: the search ends when the budget is spent.
     */
    @Test
    void framesWithoutAReadableSymbolReadNothing() {
        io.tracemark.sim.TemplateCorpus corpus = io.tracemark.sim.TemplateCorpus.bundled(20261201L);
        for (int i = 0; i < 6; i++) {
            io.tracemark.sim.TemplateCorpus.CorpusFrame f = corpus.unreadableFrame(i);
            GrayImage gray = GrayImage.of(f.image());
            assertTrue(decoder.decode(gray, Optional.empty()).isEmpty(), "unreadable frame " + i + " read");
            assertTrue(decoder.decode(gray, Optional.of(f.codeBox())).isEmpty(), "unreadable frame " + i
                    + " read with the box");
        }
    }
}

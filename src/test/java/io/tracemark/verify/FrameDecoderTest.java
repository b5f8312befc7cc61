package io.tracemark.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
}

package io.tracemark.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The verdict: parsed GS1 comparison, Digital Link equivalence, GS1 validity and the minimum grade. */
class VerifierTest {

    private static final String RAW = "0106901234567892" + "21ABC123" + TestSymbols.GS + "10LOT7";

    private final Verifier verifier = Verifier.standard();

    private static GrayImage dm(String raw) {
        return GrayImage.of(TestSymbols.render(TestSymbols.dataMatrixGs1(raw), 6, 4));
    }

    @Test
    void gs1ExpectationMatchesTheParsedElementStringInAnyOrder() {
        Verification v = verifier.verify(dm(RAW), Optional.empty(),
                Optional.of(Expectation.parse("(01)06901234567892(10)LOT7(21)ABC123")));
        assertTrue(v.pass(), v.reasons().toString());
        assertEquals("(01)06901234567892(21)ABC123(10)LOT7", v.canonical());
    }

    @Test
    void aDifferentSerialFailsNamingBothValues() {
        Verification v = verifier.verify(dm(RAW), Optional.empty(),
                Optional.of(Expectation.parse("(01)06901234567892(21)ABC124(10)LOT7")));
        assertFalse(v.pass());
        assertTrue(v.reasons().get(0).contains("ABC124") && v.reasons().get(0).contains("ABC123"), v.reasons().toString());
    }

    @Test
    void aDigitalLinkQrMeetsTheBracketedExpectationOfTheSameData() {
        String url = "https://id.example.cn/01/06901234567892/10/LOT7/21/ABC123";
        GrayImage qr = GrayImage.of(TestSymbols.render(TestSymbols.qr(url), 5, 4));
        Verification v = verifier.verify(qr, Optional.empty(),
                Optional.of(Expectation.parse("(01)06901234567892(21)ABC123(10)LOT7")));
        assertTrue(v.pass(), v.reasons().toString());
        assertTrue(verifier.verify(qr, Optional.empty(), Optional.of(Expectation.parse(url))).pass());
    }

    @Test
    void gs1DataWithABadCheckDigitNeverPasses() {
        Verification v = verifier.verify(dm("0106901234567893" + "21X"), Optional.empty(), Optional.empty());
        assertTrue(v.read());
        assertFalse(v.pass());
        assertTrue(v.reasons().stream().anyMatch(r -> r.contains("(01)")), v.reasons().toString());
    }

    @Test
    void lowContrastPrintFailsTheMinimumGradeButPassesALowerOne() {
        BufferedImage img = TestSymbols.render(TestSymbols.dataMatrixGs1(RAW), 6, 4);
        // squeeze 20..235 into 100..156: symbol contrast about 22 %, grade D
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int v = img.getRaster().getSample(x, y, 0);
                img.getRaster().setSample(x, y, 0, 100 + (v - 20) * 56 / 215);
            }
        }
        Verification atC = verifier.verify(GrayImage.of(img), Optional.empty(), Optional.empty());
        assertTrue(atC.read());
        assertFalse(atC.pass(), "grade " + atC.grades());
        assertEquals("D", atC.grades().orElseThrow().parameters().get("symbolContrast").letter());
        Verifier lenient = new Verifier(new FrameDecoder(), Grader.iso(), Grade.D);
        assertTrue(lenient.verify(GrayImage.of(img), Optional.empty(), Optional.empty()).pass());
    }

    @Test
    void gradeThresholdsFollowIso15415() {
        assertEquals("A", IsoThresholds.symbolContrast(70).letter());
        assertEquals("B", IsoThresholds.symbolContrast(69.9).letter());
        assertEquals("F", IsoThresholds.symbolContrast(19.9).letter());
        assertEquals("C", IsoThresholds.axialNonUniformity(0.10).letter());
        assertEquals("D", IsoThresholds.gridNonUniformity(0.75).letter());
        assertEquals("F", IsoThresholds.gridNonUniformity(0.76).letter());
        assertEquals("B", IsoThresholds.unusedErrorCorrection(0.50).letter());
        assertEquals("F", IsoThresholds.unusedErrorCorrection(0.24).letter());
        assertEquals("C", IsoThresholds.moduleModulation(0.30).letter());
        assertEquals("C", Grade.parse("1.5").letter());
        assertEquals("B", Grade.parse("B").letter());
    }
}

package io.tracemark.codes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DigitalLinkTest {

    private static final String BASE = "https://id.example.cn";

    @Test
    void qualifiersGoInThePathInTheirOrderAndOtherAIsInTheQuery() {
        ElementString es = ElementString.parseBracketed("(01)06912345678902(17)271231(21)ABC(10)L1(22)V2");
        String uri = DigitalLink.build(es, BASE);
        assertEquals("https://id.example.cn/01/06912345678902/22/V2/10/L1/21/ABC?17=271231", uri);
        ElementString back = DigitalLink.parse(uri);
        assertEquals("(01)06912345678902(22)V2(10)L1(21)ABC(17)271231", back.toBracketed());
    }

    @Test
    void gs1DigitalLinkStandardExample() {
        // GS1 Digital Link Standard 1.1, section 4: GTIN 09506000134352 with lot and serial
        ElementString es = DigitalLink.parse("https://id.gs1.org/01/09506000134352/10/ABC123/21/12345?17=180426");
        assertEquals("(01)09506000134352(10)ABC123(21)12345(17)180426", es.toBracketed());
    }

    @Test
    void valuesArePercentEncoded() {
        ElementString es = ElementString.of("01", "06912345678902", "10", "A/B%C", "21", "x&y+z", "91", "?=");
        String uri = DigitalLink.build(es, BASE + "/");
        assertEquals("https://id.example.cn/01/06912345678902/10/A%2FB%25C/21/x%26y%2Bz?91=%3F%3D", uri);
        assertEquals(es, DigitalLink.parse(uri));
    }

    @Test
    void ssccAndShortGtinsAndExtraPathAndNonAiParameters() {
        assertEquals("https://id.example.cn/00/106141411234567897",
                DigitalLink.build(ElementString.of("00", "106141411234567897"), BASE));
        assertEquals(ElementString.of("01", "06901234567892", "10", "L1"),
                DigitalLink.parse("https://example.cn/some/path/01/06901234567892/10/L1?linkType=gs1:pip#top"));
    }

    @Test
    void randomElementStringsRoundTrip() {
        Random random = new Random(3L);
        for (int n = 0; n < 300; n++) {
            ElementString es = ElementString.of("01", Gs1CheckDigit.append(Gs1CheckDigitTest.randomDigits(random, 13)));
            if (random.nextBoolean()) {
                es = es.with("10", "L" + random.nextInt(1000) + "/&%");
            }
            if (random.nextBoolean()) {
                es = es.with("21", "S" + random.nextInt(100000));
            }
            if (random.nextBoolean()) {
                es = es.with("17", "2901" + String.format("%02d", 1 + random.nextInt(28)));
            }
            assertEquals(es, DigitalLink.parse(DigitalLink.build(es, BASE)));
        }
    }

    @Test
    void wrongQualifierOrderIsRefused() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> DigitalLink.parse(BASE + "/01/06912345678902/21/ABC/10/L1"));
        assertEquals(List.of(new Problem("path", "qualifier (10) is out of order: after (01) the order is 22 -> 10 -> 21 or 235")),
                e.problems());
    }

    @Test
    void badKeysAndAttributesAreRefusedWithEveryReason() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> DigitalLink.parse(BASE + "/01/06912345678904/17/271231?21=X&91=%ZZ"));
        assertEquals(List.of(
                new Problem("path", "'17' is not a key qualifier of (01); after (01) the order is 22 -> 10 -> 21 or 235;"
                        + " data attributes belong in the query string"),
                new Problem("query", "(21) is the key or a key qualifier and belongs in the path"),
                new Problem("query", "broken percent-encoding at '%ZZ'")), e.problems());
        InvalidInputException check = assertThrows(InvalidInputException.class,
                () -> DigitalLink.parse(BASE + "/01/06912345678904"));
        assertEquals(List.of(new Problem("(01)", "check digit should be 2")), check.problems());
        assertThrows(InvalidInputException.class, () -> DigitalLink.parse("ftp://x/01/06912345678902"));
        assertThrows(InvalidInputException.class, () -> DigitalLink.parse(BASE + "/10/L1"));
        assertThrows(InvalidInputException.class, () -> DigitalLink.parse(BASE + "/01/06912345678902/10"));
    }

    @Test
    void buildRefusesElementStringsWithoutKeyOrInvalid() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> DigitalLink.build(ElementString.of("91", "X"), "id.example.cn"));
        assertEquals(2, e.problems().size());
        assertTrue(e.getMessage().contains("no primary key"), e.getMessage());
    }

    @Test
    void encodingIsUtf8() {
        assertEquals("%E6%89%B9", DigitalLink.encode("批"));
        assertEquals("批", DigitalLink.decode("%E6%89%B9"));
        assertEquals("a+b", DigitalLink.decode("a+b"));
    }
}

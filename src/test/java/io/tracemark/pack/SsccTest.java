package io.tracemark.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.InvalidInputException;
import org.junit.jupiter.api.Test;

class SsccTest {

    @Test
    void anSsccIsTheExtensionDigitThePrefixTheSerialAndTheCheckDigit() {
        // the GS1 General Specifications' example SSCC: extension 0, prefix 0614141, serial 123456789, check 0
        Sscc sscc = Sscc.of(0, "0614141", 123456789);
        assertEquals("006141411234567890", sscc.digits());
        assertEquals("(00)006141411234567890", sscc.elementString());
        assertEquals("36901234000000007", Sscc.of(3, "6901234", 7).digits().substring(0, 17));
        assertEquals(18, Sscc.of(9, "6901234567", 999999).digits().length());
    }

    @Test
    void aReadSsccParsesFromEveryFormAReaderSends() {
        Sscc sscc = Sscc.of(0, "0614141", 123456789);
        assertEquals(sscc, Sscc.parse("006141411234567890"));
        assertEquals(sscc, Sscc.parse("(00)006141411234567890"));
        assertEquals(sscc, Sscc.parse("00006141411234567890"));
        assertEquals(sscc, Sscc.parse("]C100006141411234567890"));
        assertFalse(Sscc.looksLikeSscc("006141411234567891"), "wrong check digit");
        assertFalse(Sscc.looksLikeSscc("TM000001"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sscc.parse("006141411234567891"));
        assertTrue(e.getMessage().contains("check digit should be 0"), e.getMessage());
    }

    @Test
    void aSerialThatDoesNotFitAfterThePrefixIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Sscc.of(0, "6901234567", 1_000_000));
        assertTrue(e.getMessage().contains("6 digits"), e.getMessage());
    }

    @Test
    void aBadRangeNamesEveryProblem() {
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new SsccRange("12", 11, 5, 4));
        assertEquals(3, e.problems().size(), e.getMessage());
        InvalidInputException tooLong = assertThrows(InvalidInputException.class,
                () -> new SsccRange("6901234567", 0, 0, 1_000_000));
        assertTrue(tooLong.getMessage().contains("more than 6 digits"), tooLong.getMessage());
    }

    @Test
    void rangesThatWouldIssueTheSameSsccOverlapEvenWithPrefixesOfDifferentLengths() {
        SsccRange a = new SsccRange("6901234", 0, 500_000_000, 500_000_099);
        SsccRange b = new SsccRange("69012345", 0, 0, 10); // 69012345|00000000 = 6901234|500000000
        assertTrue(a.overlaps(b));
        assertFalse(a.overlaps(new SsccRange("69012345", 1, 0, 10)), "another extension digit");
        assertFalse(a.overlaps(new SsccRange("6901234", 0, 500_000_100, 500_000_200)));
    }
}

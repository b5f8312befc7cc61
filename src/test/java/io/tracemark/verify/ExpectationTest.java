package io.tracemark.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A unit's expected content against what a reader returned, as pure logic. */
class ExpectationTest {

    private static final String GS = "\u001D";
    private static final Expectation EXPECTED = Expectation.parse("(01)06901234000016(21)ABC123(10)L1");

    @Test
    void theRawFormOfTheCodeUnderAGs1IdentifierMatches() {
        assertEquals(Optional.empty(), EXPECTED.mismatch("0106901234000016" + "21ABC123" + GS + "10L1", "]d2"));
    }

    @Test
    void anotherEncodingOfTheSameElementsMatchesToo() {
        // the batch first and a separator after the fixed-length GTIN: the same element string
        assertEquals(Optional.empty(), EXPECTED.mismatch("10L1" + GS + "0106901234000016" + GS + "21ABC123", "]d2"));
    }

    @Test
    void theSameTextWithoutAGs1IdentifierIsNotGs1Data() {
        Optional<String> why = EXPECTED.mismatch("0106901234000016" + "21ABC123" + GS + "10L1", "]d1");
        assertTrue(why.isPresent() && why.get().contains("non-GS1"), why.toString());
    }

    @Test
    void anotherSerialIsAMismatchNamingBoth() {
        Optional<String> why = EXPECTED.mismatch("0106901234000016" + "21ABC124" + GS + "10L1", "]d2");
        assertTrue(why.isPresent() && why.get().contains("(21)ABC123") && why.get().contains("(21)ABC124"),
                why.toString());
    }
}

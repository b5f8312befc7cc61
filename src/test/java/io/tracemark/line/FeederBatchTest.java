package io.tracemark.line;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * How many units the feeder marks SENT in one transaction: at most look-ahead + 2 SENT and not yet
 * printed (what a printer fault burns), and never more than the job needs or may await a verdict.
 */
class FeederBatchTest {

    @Test
    void theRoomInThePrinterPlusTwoThatWaitForRoom() {
        assertEquals(4, Feeder.batchSize(2, 100, 8), "room for 2, two more wait in submit: one commit for 4");
        assertEquals(3, Feeder.batchSize(1, 100, 8));
        assertEquals(1, Feeder.batchSize(0, 100, 8), "no room: one, as a single unit always did");
        assertEquals(1, Feeder.batchSize(-1, 100, 8), "a printer holding more than its look-ahead");
    }

    @Test
    void neverMoreThanNeededOrAllowedToAwaitAVerdictButAtLeastOne() {
        assertEquals(1, Feeder.batchSize(2, 1, 8), "the last unit of the job");
        assertEquals(2, Feeder.batchSize(2, 100, 2), "two more may await a verdict");
        assertEquals(3, Feeder.batchSize(2, 3, 8), "three units left in the job");
        assertEquals(1, Feeder.batchSize(2, 0, 0));
    }

    @Test
    void aPrinterFaultNeverFindsMoreThanTheLookAheadPlusTwoSentAndUnprinted() {
        for (int lookAhead = 1; lookAhead <= 8; lookAhead++) {
            for (int inPrinter = 0; inPrinter <= lookAhead + 1; inPrinter++) {
                int batch = Feeder.batchSize(lookAhead - inPrinter, 1000, 1000);
                org.junit.jupiter.api.Assertions.assertTrue(inPrinter + batch <= Math.max(lookAhead + 2, inPrinter + 1),
                        "look-ahead " + lookAhead + ", " + inPrinter + " in the printer, batch " + batch);
            }
        }
    }
}

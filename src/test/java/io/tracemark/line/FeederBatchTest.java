package io.tracemark.line;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * How many units the feeder marks SENT in one transaction: at most twice the look-ahead SENT and not
 * yet printed (what a printer fault burns), and never more than the job needs or may await a verdict.
 */
class FeederBatchTest {

    @Test
    void theRoomInThePrinterPlusAPrinterFullThatWaitsForRoom() {
        assertEquals(8, Feeder.batchSize(4, 4, 100, 20), "an empty printer of look-ahead 4: 4 written, 4 wait");
        assertEquals(6, Feeder.batchSize(2, 4, 100, 20), "room for 2, four more wait in submit: one commit for 6");
        assertEquals(2, Feeder.batchSize(1, 1, 100, 20), "look-ahead 1 (an inkjet): one written, one waits");
        assertEquals(1, Feeder.batchSize(0, 4, 100, 20), "no room: one, as a single unit always did");
        assertEquals(1, Feeder.batchSize(-1, 4, 100, 20), "a printer holding more than its look-ahead");
    }

    @Test
    void neverMoreThanNeededOrAllowedToAwaitAVerdictButAtLeastOne() {
        assertEquals(1, Feeder.batchSize(2, 4, 1, 8), "the last unit of the job");
        assertEquals(2, Feeder.batchSize(2, 4, 100, 2), "two more may await a verdict");
        assertEquals(3, Feeder.batchSize(2, 4, 3, 8), "three units left in the job");
        assertEquals(1, Feeder.batchSize(2, 4, 0, 0));
    }

    @Test
    void aPrinterFaultNeverFindsMoreThanTwiceTheLookAheadSentAndUnprinted() {
        for (int lookAhead = 1; lookAhead <= 8; lookAhead++) {
            for (int inPrinter = 0; inPrinter <= lookAhead + 1; inPrinter++) {
                int batch = Feeder.batchSize(lookAhead - inPrinter, lookAhead, 1000, 1000);
                assertTrue(inPrinter + batch <= Math.max(2 * lookAhead, inPrinter + 1),
                        "look-ahead " + lookAhead + ", " + inPrinter + " in the printer, batch " + batch);
            }
        }
    }
}

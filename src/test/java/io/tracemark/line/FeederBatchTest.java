package io.tracemark.line;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** How many units the feeder marks SENT in one transaction. */
class FeederBatchTest {

    @Test
    void theRoomInThePrinterPlusTheOneThatWaitsForRoom() {
        assertEquals(3, Feeder.batchSize(2, 100, 8), "room for 2, one more waits in submit");
        assertEquals(2, Feeder.batchSize(1, 100, 8));
        assertEquals(1, Feeder.batchSize(0, 100, 8), "no room: one, as a single unit always did");
        assertEquals(1, Feeder.batchSize(-1, 100, 8), "a printer holding more than its look-ahead");
    }

    @Test
    void neverMoreThanNeededOrAllowedToAwaitAVerdictButAtLeastOne() {
        assertEquals(1, Feeder.batchSize(2, 1, 8), "the last unit of the job");
        assertEquals(2, Feeder.batchSize(2, 100, 2), "two more may await a verdict");
        assertEquals(1, Feeder.batchSize(2, 0, 0));
    }
}

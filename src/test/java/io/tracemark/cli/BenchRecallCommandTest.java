package io.tracemark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The README's {@code bench recall --units 10000000 --json}, small: the command runs and reports each recall. */
class BenchRecallCommandTest {

    @Test
    void benchRecallTimesABatchACodeAndAPalletRecall() throws Exception {
        CommandRun run = CommandRun.run("bench", "recall", "--units", "20000", "--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertEquals(20000, doc.get("units").asInt());
        assertEquals(10000, doc.get("batch").get("units").asInt(), "a batch is a job of 10,000 units");
        assertEquals(5, doc.get("batch").get("buyers").asInt());
        assertEquals(1, doc.get("code").get("units").asInt());
        assertEquals(500, doc.get("pallet").get("units").asInt(), "25 cases of 20");
        assertTrue(doc.get("batch").get("firstSeconds").asDouble() > 0 && doc.get("databaseBytes").asLong() > 0);
        assertTrue(doc.has("batchWithinOneSecond"));

        CommandRun tooFew = CommandRun.run("bench", "recall", "--units", "500");
        assertEquals(2, tooFew.exit());
        assertTrue(tooFew.err().contains("--units must be at least 10000"), tooFew.err());
    }
}

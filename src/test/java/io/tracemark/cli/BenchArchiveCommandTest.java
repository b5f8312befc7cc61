package io.tracemark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** {@code bench archive} with a small --units: every figure present, archives intact, the line's books balanced. */
class BenchArchiveCommandTest {

    @Test
    void benchArchiveReportsItsFigures() throws Exception {
        CommandRun r = CommandRun.run("bench", "archive", "--units", "25000", "--line-units", "200", "--json");
        assertEquals(0, r.exit(), r.out() + r.err());
        JsonNode doc = new ObjectMapper().readTree(r.out());
        assertTrue(doc.get("ok").asBoolean(), r.out());
        assertEquals(3, doc.get("jobs").asInt());
        assertEquals(20_000, doc.get("unitsArchived").asLong(), "the job holding the highest ids stays live: " + r.out());
        assertEquals(10_000, doc.get("liveUnitsAfter").asLong());
        assertTrue(doc.get("archiveMegabytesPerMillionUnits").asDouble() > 0, r.out());
        assertTrue(doc.get("liveBytesInUseAfter").asLong() < doc.get("liveBytesBefore").asLong(), r.out());
        for (String run : new String[] {"freshStation", "afterArchiving"}) {
            assertTrue(doc.get(run).get("balanced").asBoolean(), run + ": " + r.out());
            assertTrue(doc.get(run).get("panelMedianMs").get("/status").asDouble() > 0, r.out());
        }
    }
}

package io.tracemark.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracemark.cli.CommandRun;
import org.junit.jupiter.api.Test;

/** The README's {@code bench records --json}, small. */
class BenchRecordsTest {

    @Test
    void benchRecordsMeasuresABackupOfTheUnitsItWrote() throws Exception {
        CommandRun run = CommandRun.run("bench", "records", "--units", "1500", "--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode doc = new ObjectMapper().readTree(run.out());
        assertEquals(1500, doc.get("units").asInt());
        assertTrue(doc.get("backupBytes").asLong() > 0 && doc.get("backupSeconds").asDouble() > 0, doc.toString());
        assertTrue(doc.get("backupMegabytesPerMillionUnits").asDouble() > 0, doc.toString());
        assertTrue(doc.get("startCheckSeconds").asDouble() >= 0, doc.toString());
    }
}

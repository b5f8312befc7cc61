package io.tracemark.cli;

import static io.tracemark.cli.CommandRun.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformCommandsTest {

    @TempDir
    Path dir;

    @Test
    void platformHelpAndBadPort() {
        CommandRun help = run("platform", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("--data"), help.out());
        CommandRun bad = run("platform", "--port", "70000", "--data", dir.toString());
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("error: platform: --port 70000 is not 0..65535"), bad.err());
    }

    @Test
    void benchPlatformPrintsOneJsonDocument() throws Exception {
        CommandRun r = run("bench", "platform", "--events", "100", "--batch", "50", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = JsonOutput.mapper().readTree(r.out());
        assertEquals(100, doc.get("events").asInt());
        assertEquals(100, doc.get("platformHolds").asInt());
        assertEquals(0, doc.get("resentStoredAgain").asInt());
        assertTrue(doc.get("exactlyOnce").asBoolean());
        assertTrue(doc.get("eventsPerSecond").asDouble() > 0);
    }
}

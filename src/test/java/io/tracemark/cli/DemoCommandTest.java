package io.tracemark.cli;

import static io.tracemark.cli.CommandRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo command in-process: the JSON contract and bad fault tokens. */
class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void exitWhenDonePrintsOneBalancedJsonDocument() throws Exception {
        CommandRun r = run("demo", "--units", "20", "--exit-when-done", "--json", "--data", dir.toString());
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = JsonOutput.mapper().readTree(r.out());
        for (String key : new String[] {"job", "allocated", "sent", "verified", "rejected", "voided", "released",
                "duplicates", "unitsPerSecond", "balanced"}) {
            assertTrue(doc.has(key), "missing " + key + " in " + r.out());
        }
        assertEquals(20, doc.get("verified").asLong());
        assertEquals(0, doc.get("duplicates").asLong());
        assertTrue(doc.get("balanced").asBoolean());
        JsonNode platform = doc.get("platform");
        assertEquals(0, platform.get("backlog").asLong(), r.out());
        assertEquals(20, platform.get("dailyQuantity").get("P-KETTLE").asLong(), r.out());
        assertTrue(platform.get("publicPage").asText().startsWith(platform.get("url").asText() + "/01/"), r.out());
    }

    @Test
    void badFaultTokenExitsTwoNamingIt() {
        CommandRun r = run("demo", "--units", "5", "--exit-when-done", "--faults", "printer.paperOutAfter=5,camera.blurry=1",
                "--data", dir.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("camera.blurry"), r.err());
    }

}

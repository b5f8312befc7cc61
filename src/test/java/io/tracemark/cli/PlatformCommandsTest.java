package io.tracemark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformCommandsTest {

    @TempDir
    Path dir;

    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        PrintStream oldOut = System.out;
        PrintStream oldErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            int status = Main.execute(args);
            return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setErr(oldErr);
        }
    }

    @Test
    void platformHelpAndBadPort() {
        Run help = run("platform", "--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("--data"), help.out());
        Run bad = run("platform", "--port", "70000", "--data", dir.toString());
        assertEquals(2, bad.status());
        assertTrue(bad.err().contains("error: platform: --port 70000 is not 0..65535"), bad.err());
    }

    @Test
    void benchPlatformPrintsOneJsonDocument() throws Exception {
        Run r = run("bench", "platform", "--events", "100", "--batch", "50", "--json");
        assertEquals(0, r.status(), r.err());
        JsonNode doc = JsonOutput.mapper().readTree(r.out());
        assertEquals(100, doc.get("events").asInt());
        assertEquals(100, doc.get("platformHolds").asInt());
        assertEquals(0, doc.get("resentStoredAgain").asInt());
        assertTrue(doc.get("exactlyOnce").asBoolean());
        assertTrue(doc.get("eventsPerSecond").asDouble() > 0);
    }
}

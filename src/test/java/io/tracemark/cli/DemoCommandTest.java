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

/** The demo command in-process: the JSON contract and bad fault tokens. */
class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void exitWhenDonePrintsOneBalancedJsonDocument() throws Exception {
        Result r = run("demo", "--units", "20", "--exit-when-done", "--json", "--data", dir.toString());
        assertEquals(0, r.code, r.err);
        JsonNode doc = JsonOutput.mapper().readTree(r.out);
        for (String key : new String[] {"job", "allocated", "sent", "verified", "rejected", "voided", "released",
                "duplicates", "unitsPerSecond", "balanced"}) {
            assertTrue(doc.has(key), "missing " + key + " in " + r.out);
        }
        assertEquals(20, doc.get("verified").asLong());
        assertEquals(0, doc.get("duplicates").asLong());
        assertTrue(doc.get("balanced").asBoolean());
        JsonNode platform = doc.get("platform");
        assertEquals(0, platform.get("backlog").asLong(), r.out);
        assertEquals(20, platform.get("dailyQuantity").get("P-KETTLE").asLong(), r.out);
        assertTrue(platform.get("publicPage").asText().startsWith(platform.get("url").asText() + "/01/"), r.out);
    }

    @Test
    void badFaultTokenExitsTwoNamingIt() {
        Result r = run("demo", "--units", "5", "--exit-when-done", "--faults", "printer.paperOutAfter=5,camera.blurry=1",
                "--data", dir.toString());
        assertEquals(2, r.code);
        assertTrue(r.err.contains("camera.blurry"), r.err);
    }

    private record Result(int code, String out, String err) {
    }

    private static Result run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.execute(args);
            return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}

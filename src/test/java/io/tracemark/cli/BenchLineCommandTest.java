package io.tracemark.cli;

import static io.tracemark.cli.CommandRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code bench line} on the simulated line: figures as JSON, and a non-zero exit for a run that is not valid. */
class BenchLineCommandTest {

    @Test
    void aCleanRunReportsStationCpuAndWindowsAndExitsZero() throws Exception {
        CommandRun r = run("bench", "line", "--units", "40", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = JsonOutput.mapper().readTree(r.out());
        assertTrue(doc.get("ok").asBoolean(), r.out());
        assertTrue(doc.get("balanced").asBoolean());
        assertEquals(40, doc.get("verified").asInt());
        assertEquals("images", doc.get("reads").asText());
        assertTrue(doc.get("stationCpuMsPerUnit").asDouble() > 0, r.out());
        assertEquals(1, doc.get("unitsPerSecondByWindow").size(), "40 units: one window");
        assertTrue(doc.get("unitsPerSecondByWindow").get(0).asDouble() > 0, r.out());
        assertEquals(0, doc.get("warmupUnits").asInt(), "images: no warm-up by default");
        assertTrue(doc.get("commitsPerUnit").asDouble() > 0, r.out());
        JsonNode frames = doc.get("compressedFrames");
        assertTrue(frames.get("frames").asInt() >= 1, "frames kept from the virtual camera: " + r.out());
        assertTrue(frames.get("jpegBytes").asLong() > 0 && frames.get("pngBytes").asLong() > 0, r.out());
        assertTrue(frames.get("jpegDecodeCpuMsPerFrame").asDouble() > 0, r.out());
        assertTrue(frames.get("stationCpuMsPerUnitWithPng").asDouble() > doc.get("stationCpuMsPerUnit").asDouble(),
                r.out());
    }

    @Test
    void directReadsJudgeEveryPrintedLabelFromTheReadersResultStrings() throws Exception {
        CommandRun r = run("bench", "line", "--reads", "direct", "--units", "300", "--warmup", "60", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = JsonOutput.mapper().readTree(r.out());
        assertEquals("direct", doc.get("reads").asText());
        assertTrue(doc.get("ok").asBoolean(), r.out());
        assertTrue(doc.get("balanced").asBoolean(), r.out());
        assertEquals(300, doc.get("verified").asInt(), r.out());
        assertEquals(0, doc.get("rejected").asInt(), "result strings carry each label's printed data: " + r.out());
        assertEquals(0, doc.get("duplicates").asInt(), r.out());
        assertTrue(doc.get("stationCpuMsPerUnit").asDouble() > 0, r.out());
        assertEquals(0.5, doc.get("targetStationCpuMsPerUnit").asDouble());
        assertEquals(60, doc.get("warmupUnits").asInt(), "the warm-up job ran first and is left out");
        assertTrue(doc.get("warmupOk").asBoolean(), r.out());
        assertTrue(doc.get("commitsPerUnit").asDouble() > 0, r.out());
        assertEquals(1, doc.get("stationCpuMsPerUnitByWindow").size(), "300 units: one window: " + r.out());
        assertTrue(doc.get("stationCpuMsPerUnitByWindow").get(0).asDouble() > 0, r.out());
        assertTrue(doc.get("compressedFrames") == null, "no frames decoded with result strings: " + r.out());
    }

    @Test
    void aNegativeWarmupIsRefusedByName() {
        CommandRun r = run("bench", "line", "--reads", "direct", "--warmup", "-5", "--units", "10");
        assertEquals(2, r.exit(), r.out());
        assertTrue(r.err().contains("--warmup") && r.err().contains("-5"), r.err());
    }

    @Test
    void helpSaysWhatTheWarmupIs() {
        CommandRun r = run("bench", "line", "--help");
        assertEquals(0, r.exit(), r.err());
        String help = r.out().replaceAll("\\s+", " ");
        assertTrue(help.contains("--warmup") && help.contains("Default: 5000 with --reads direct, 0 with images"), help);
        assertTrue(help.contains("JPEG") && help.contains("PNG"), help);
    }

    @Test
    void anUnknownReadsModeIsRefusedByName() {
        CommandRun r = run("bench", "line", "--reads", "frames", "--units", "10");
        assertEquals(2, r.exit(), r.out());
        assertTrue(r.err().contains("--reads") && r.err().contains("frames"), r.err());
    }

    @Test
    void aRunThatStoppedExitsOne() throws Exception {
        CommandRun r = run("bench", "line", "--units", "40", "--faults", "printer.paperOutAfter=10", "--json");
        assertEquals(1, r.exit(), r.out());
        JsonNode doc = JsonOutput.mapper().readTree(r.out());
        assertFalse(doc.get("ok").asBoolean());
        assertFalse(doc.get("stops").isEmpty(), r.out());
        assertTrue(r.err().contains("not valid"), r.err());
    }

    @Test
    void windowsAreUnitsPerSecondOverEachTenThousandVerdicts() {
        List<Long> times = new java.util.ArrayList<>();
        for (long i = 0; i < 25_000; i++) {
            times.add(i < 10_000 ? i * 10 : 100_000 + (i - 10_000) * 20); // 100/s, then 50/s
        }
        assertEquals(List.of(100.0, 50.0, 50.0), BenchLineCommand.windows(times));
    }
}

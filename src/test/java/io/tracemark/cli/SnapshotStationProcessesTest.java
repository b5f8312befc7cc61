package io.tracemark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --config} with the camera as a snapshot URL ({@code http://…/snapshot?mode=snapshot}) on a
 * {@code virtual-line} process: the station asks for one still image per printed label, when the printer
 * confirms it, and decodes it itself.
 */
class SnapshotStationProcessesTest {

    private static final int UNITS = 30;

    @TempDir
    Path dir;

    @Test
    void wholeJobOnSnapshotsTakenPerPrintedLabel() throws Exception {
        try (VirtualPlant plant = new VirtualPlant(dir, "")) {
            Path mjpeg = plant.stationYaml(true);
            String yaml = Files.readString(mjpeg, StandardCharsets.UTF_8).replace("/mjpeg", "/snapshot?mode=snapshot");
            assertTrue(yaml.contains("/snapshot?mode=snapshot"), yaml);
            Path snapshot = Files.writeString(dir.resolve("station-snapshot.yaml"), yaml, StandardCharsets.UTF_8);
            VirtualPlant.JobRun run = plant.runJob(snapshot, UNITS);
            JsonNode doc = run.doc();
            assertEquals(0, run.exit(), "run exit status; " + doc + "\n" + run.stderr());
            assertEquals(UNITS, doc.get("verified").asInt(), doc.toString());
            assertTrue(doc.get("balanced").asBoolean(), doc.toString());
            assertEquals(doc.get("sent").asInt(), plant.printedCodes().size(), "every sent label was printed once");
            plant.assertBooks("after the job");
        }
    }
}

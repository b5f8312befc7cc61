package io.tracemark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --config station-virtual.yaml} with {@code virtual-line} and {@code platform} as
 * separate processes, nothing but real protocols over loopback between them: ZPL to the printer,
 * result strings (or MJPEG frames) from the camera, commands and confirmations with the gate, HTTP
 * with the platform. The unattended run ({@code --job --exit-when-done --json}) must take its codes
 * from the platform, verify the whole job, and leave every unit's event on the platform once and
 * the day's quantity reported.
 */
class StationProcessesTest {

    private static final int UNITS = 60;

    @TempDir
    Path dir;

    @Test
    void wholeJobOnResultStringsFromTheVirtualReader() throws Exception {
        runWholeJob(false);
    }

    @Test
    void wholeJobWithTheStationDecodingTheCamerasImages() throws Exception {
        runWholeJob(true);
    }

    private void runWholeJob(boolean images) throws Exception {
        try (VirtualPlant plant = new VirtualPlant(dir, "")) {
            Path yaml = plant.stationYaml(images);
            JsonNode doc;
            int exit;
            try (ChildJvm station = ChildJvm.start(dir, "station", VirtualPlant.ADMIN_PIN, "run", "--config",
                    yaml.toString(), "--job", plant.jobFile(UNITS).toString(), "--exit-when-done", "--json")) {
                doc = station.awaitJson(Duration.ofMinutes(5));
                exit = station.awaitExit(Duration.ofMinutes(1));
                assertEquals(0, exit, "run exit status; " + doc + "\n" + station.stderr());
            }
            assertEquals(UNITS, doc.get("verified").asInt(), doc.toString());
            assertTrue(doc.get("balanced").asBoolean(), doc.toString());
            assertEquals(0, doc.get("duplicates").asInt(), doc.toString());
            assertEquals(0, doc.get("voided").asInt(), "nothing voided without a crash: " + doc);
            JsonNode platform = doc.get("platform");
            assertTrue(platform.get("drained").asBoolean(), "outbox drained: " + doc);
            assertEquals(0, platform.get("backlog").asInt(), doc.toString());
            assertEquals(UNITS, platform.get("dailyQuantity").get(VirtualPlant.PRODUCT).asInt(), doc.toString());
            plant.assertBooks("after the job");
            assertEquals(doc.get("sent").asInt(), plant.printedCodes().size(), "every sent label was printed once");
            plant.assertPlatformHasEveryUnitOnce(UNITS);
            assertTrue(plant.line.alive() && plant.platform.alive(), "virtual line and platform still run");
        }
    }
}

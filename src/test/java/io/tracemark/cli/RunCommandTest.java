package io.tracemark.cli;

import static io.tracemark.cli.CommandRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run} and {@code virtual-line} refuse bad input with one line naming what is wrong, before anything starts. */
class RunCommandTest {

    @TempDir
    Path dir;

    @Test
    void aBadJobFileIsRefusedNamingEveryFieldBeforeTheStationStarts() throws Exception {
        Path yaml = dir.resolve("station.yaml");
        Files.writeString(yaml, Files.readString(Path.of("station-virtual.yaml"))
                .replace("data: data-virtual", "data: " + dir.resolve("data")));
        Path job = dir.resolve("job.json");
        Files.writeString(job, "{\"productId\":\"P-KETTLE\",\"productionDate\":\"2026-13-01\",\"quantity\":\"many\","
                + "\"traceLevel\":\"per-pallet\"}");
        CommandRun r = run("run", "--config", yaml.toString(), "--job", job.toString(), "--exit-when-done", "--json");
        assertEquals(2, r.exit(), r.err());
        assertTrue(r.err().contains("productionDate") && r.err().contains("quantity") && r.err().contains("traceLevel"),
                r.err());
        assertFalse(Files.exists(dir.resolve("data")), "no station was started");
        Files.writeString(job, "{not json");
        CommandRun broken = run("run", "--config", yaml.toString(), "--job", job.toString());
        assertEquals(2, broken.exit());
        assertTrue(broken.err().contains("not valid JSON"), broken.err());
    }

    @Test
    void virtualLineRefusesBadPortsAndFaults() {
        CommandRun port = run("virtual-line", "--printer-port", "70000");
        assertEquals(2, port.exit());
        assertTrue(port.err().contains("70000"), port.err());
        CommandRun faults = run("virtual-line", "--printer-port", "0", "--scanner-port", "0", "--gate-port", "0",
                "--faults", "camera.blurry=1");
        assertEquals(2, faults.exit());
        assertTrue(faults.err().contains("camera.blurry"), faults.err());
        CommandRun help = run("virtual-line", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("--image-port") && help.out().contains("NOREAD"), help.out());
    }
}

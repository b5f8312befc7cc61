package io.tracemark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run --config station-virtual-modbus.yaml} against {@code virtual-line --modbus-port}: the
 * station's reject gate is the virtual line's PLC, a j2mod Modbus TCP slave in the virtual line's
 * process, fired by coil, confirmed by discrete input, its reject counter read back at job end. The
 * camera misprints some labels, so the gate really fires; the job's accounting carries the PLC's count.
 */
class ModbusStationProcessesTest {

    private static final int UNITS = 40;

    @TempDir
    Path dir;

    @Test
    void wholeJobWithTheRejectGateOnTheVirtualLinesPlc() throws Exception {
        try (VirtualPlant plant = new VirtualPlant(dir, "camera.defectRate=0.1")) {
            String gateUri = plant.lineDoc.get("modbusGate").asText();
            assertTrue(gateUri.startsWith("modbus-tcp://127.0.0.1:" + plant.lineDoc.get("modbusPort").asInt()
                    + "?unit=1&coil=12&confirm=input:7"), plant.lineDoc.toString());
            Path yaml = plant.stationYaml(Path.of("station-virtual-modbus.yaml"), false);
            VirtualPlant.JobRun run = plant.runJob(yaml, UNITS);
            JsonNode doc = run.doc();
            assertEquals(0, run.exit(), "run exit status; " + doc + "\n" + run.stderr());
            assertEquals(UNITS, doc.get("verified").asInt(), doc.toString());
            assertTrue(doc.get("balanced").asBoolean(), doc.toString());
            long rejected = doc.get("rejected").asLong();
            assertTrue(rejected > 0, "the camera's defects made the gate fire: " + doc);
            JsonNode gate = doc.get("gates").get(0);
            assertEquals("gate-1", gate.get("gate").asText(), doc.toString());
            assertEquals(rejected, gate.get("stationFires").asLong(), "one fire per rejected unit: " + doc);
            assertEquals(rejected, gate.get("plcRejects").asLong(), "the PLC counted every fire: " + doc);
            assertTrue(gate.get("matches").asBoolean(), doc.toString());
            plant.assertBooks("after the job");
        }
    }

    @Test
    void aPlcThatFiredTwiceForOnePulseFailsTheRunOnItsCountAlone() throws Exception {
        // fire 1 is the challenge before the job; the PLC's input bounces on fire 3, the job's second reject;
        // this PLC latches its sensor, which the station resets after each confirmation
        try (VirtualPlant plant = new VirtualPlant(dir, "camera.defectRate=0.1,gate.extraAt=3", "latch")) {
            assertTrue(plant.lineDoc.get("modbusGate").asText().contains("confirm=latch:7&reset=coil:13"),
                    plant.lineDoc.toString());
            Path yaml = plant.stationYaml(Path.of("station-virtual-modbus.yaml"), false);
            VirtualPlant.JobRun run = plant.runJob(yaml, UNITS);
            JsonNode doc = run.doc();
            assertEquals(1, run.exit(), "run exit status; " + doc + "\n" + run.stderr());
            assertEquals("[]", doc.get("stops").toString(), "the line ran the job without a stop: " + doc);
            assertEquals(UNITS, doc.get("verified").asInt(), doc.toString());
            assertTrue(doc.get("balanced").asBoolean(), "the codes still balance: " + doc);
            JsonNode gate = doc.get("gates").get(0);
            assertEquals(gate.get("stationFires").asLong() + 1, gate.get("plcRejects").asLong(), doc.toString());
            assertFalse(gate.get("matches").asBoolean(), doc.toString());
            assertTrue(gate.get("detail").asText().contains("1 reject(s) the station did not command"), doc.toString());
            plant.assertBooks("after the job");
        }
    }
}

package io.tracemark.cli;

import static io.tracemark.cli.CommandRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code run --config FILE --check}: every problem with its key path, exit 1, no device opened. */
class RunCheckTest {

    @Test
    void theShippedStationYamlPasses() {
        CommandRun r = run("run", "--config", "station.yaml", "--check");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("station.yaml: OK (2 printer(s), 2 scanner(s), 1 reject gate(s)"), r.out());
    }

    @Test
    void theShippedModbusStationYamlPasses() {
        CommandRun r = run("run", "--config", "station-virtual-modbus.yaml", "--check");
        assertEquals(0, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("station-virtual-modbus.yaml: OK (1 printer(s), 1 scanner(s), 1 reject gate(s)"),
                r.out());
    }

    @Test
    void aModbusGateAndLocalDevicesPassWithoutAnyConnection(@TempDir Path dir) throws Exception {
        try (ServerSocket printer = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            Path yaml = Files.writeString(dir.resolve("station.yaml"), """
                    printers:
                      - {name: p1, uri: "tcp://127.0.0.1:%d", profile: zt411-203}
                    scanners:
                      - {name: s1, uri: "tcp://127.0.0.1:%d", profile: keyence-sr}
                    rejectGates:
                      - {name: g1, uri: "modbus-tcp://127.0.0.1:502?unit=1&coil=12&confirm=input:7&pulseMs=80"}
                    """.formatted(printer.getLocalPort(), printer.getLocalPort()));
            CommandRun r = run("run", "--config", yaml.toString(), "--check");
            assertEquals(0, r.exit(), r.out() + r.err());
            printer.setSoTimeout(200);
            boolean connected;
            try (var ignored = printer.accept()) {
                connected = true;
            } catch (SocketTimeoutException e) {
                connected = false;
            }
            assertFalse(connected, "--check opened a device");
            assertFalse(Files.exists(dir.resolve("data")), "--check created no data directory");
        }
    }

    @Test
    void everyProblemIsListedWithItsKeyPathAndTheExitIsOne(@TempDir Path dir) throws Exception {
        Path yaml = Files.writeString(dir.resolve("station.yaml"), """
                printers:
                  - {name: p1, uri: "ftp://192.0.2.10:9100", profile: zt999}
                scanners:
                  - {name: s1, uri: "tcp://192.0.2.11:23", profile: honeywell}
                rejectGates:
                  - {name: g1, uri: "modbus-tcp://192.0.2.12:502?unit=1&confirm=input:x&pulseMs=80"}
                """);
        CommandRun r = run("run", "--config", yaml.toString(), "--check");
        assertEquals(1, r.exit(), r.out() + r.err());
        for (String where : new String[] {"printers[0].uri", "printers[0].profile", "scanners[0].profile",
                "rejectGates[0].uri.query.coil", "rejectGates[0].uri.query.confirm"}) {
            assertTrue(r.out().contains("  " + where + ": "), where + " in\n" + r.out());
        }
        assertTrue(r.out().contains("5 problem(s)"), r.out());
    }

    @Test
    void aRetentionOutsideItsRangeIsNamed(@TempDir Path dir) throws Exception {
        Path yaml = Files.writeString(dir.resolve("station.yaml"), """
                printers:
                  - {name: p1, uri: "tcp://192.0.2.10:9100", profile: zt411-203}
                scanners:
                  - {name: s1, uri: "tcp://192.0.2.11:23", profile: keyence-sr}
                records:
                  archiveAfterDays: 0
                  archiveIntervalHours: -1
                  keepYears: 1
                """);
        CommandRun r = run("run", "--config", yaml.toString(), "--check");
        assertEquals(1, r.exit(), r.out() + r.err());
        for (String where : new String[] {"records.archiveAfterDays", "records.archiveIntervalHours", "records.keepYears"}) {
            assertTrue(r.out().contains("  " + where + ": "), where + " in\n" + r.out());
        }
    }

    @Test
    void aModbusConfirmationWithoutWhatItNeedsIsNamedByParameter(@TempDir Path dir) throws Exception {
        Path yaml = Files.writeString(dir.resolve("station.yaml"), """
                printers:
                  - {name: p1, uri: "tcp://192.0.2.10:9100", profile: zt411-203}
                scanners:
                  - {name: s1, uri: "tcp://192.0.2.11:23", profile: keyence-sr}
                rejectGates:
                  - {name: g1, uri: "modbus-tcp://192.0.2.12:502?coil=12&confirm=latch:7&pollMs=5000"}
                  - {name: g2, uri: "modbus-tcp://192.0.2.12:502?coil=14&confirm=counter:4&reset=coil:15"}
                """);
        CommandRun r = run("run", "--config", yaml.toString(), "--check");
        assertEquals(1, r.exit(), r.out() + r.err());
        assertTrue(r.out().contains("  rejectGates[0].uri.query.reset: required with confirm=latch:7: the coil the"
                + " station writes to reset the latch, e.g. reset=coil:13"), r.out());
        assertTrue(r.out().contains("  rejectGates[0].uri.query.pollMs: 5000 is outside 1..1000"), r.out());
        assertTrue(r.out().contains("  rejectGates[1].uri.query.reset: only a latched confirmation is reset"), r.out());
        assertTrue(r.out().contains("3 problem(s)"), r.out());
    }
}

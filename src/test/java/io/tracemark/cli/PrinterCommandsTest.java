package io.tracemark.cli;

import static io.tracemark.cli.CommandRun.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tracemark.printer.PrinterProfiles;
import io.tracemark.sim.VirtualPrinter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PrinterCommandsTest {

    @Test
    void printerStatusDecodesTheVirtualPrinter() throws Exception {
        try (VirtualPrinter vp = new VirtualPrinter(VirtualPrinter.Settings.instant(PrinterProfiles.load("zd421-203")))) {
            vp.start();
            CommandRun ready = run("printer", "status", vp.uri(), "--json");
            assertEquals(0, ready.exit(), ready.err());
            JsonNode doc = JsonOutput.mapper().readTree(ready.out());
            assertEquals("RESPONDING", doc.get("link").asText());
            assertTrue(doc.get("ready").asBoolean());
            assertEquals(400, doc.get("hostStatus").get("labelLengthDots").asInt());
            vp.setPaused(true);
            CommandRun paused = run("printer", "status", vp.uri(), "--json");
            assertEquals(1, paused.exit());
            JsonNode p = JsonOutput.mapper().readTree(paused.out());
            assertEquals("PAUSED", p.get("conditions").get(0).asText());
            assertEquals("PAUSED", p.get("extendedStatus").get("errors").get(0).asText());
        }
    }

    @Test
    void printerStatusOfASimulatedPrinterAndBadUris() {
        CommandRun sim = run("printer", "status", "sim://p1");
        assertEquals(0, sim.exit(), sim.err());
        assertTrue(sim.out().contains("READY"), sim.out());
        assertTrue(sim.out().lines().anyMatch(l -> l.matches("State\\s+READY")), sim.out());
        assertTrue(sim.out().lines().anyMatch(l -> l.matches("Paper out\\s+no")), sim.out());
        assertFalse(sim.out().contains("1234"), "the printer's password is never shown: " + sim.out());
        assertFalse(sim.out().contains("HostStatus["), "no record dump: " + sim.out());
        CommandRun bad = run("printer", "status", "10.0.0.7:9100");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().startsWith("error: device URI '10.0.0.7:9100'"), bad.err());
    }

    @Test
    void virtualPrinterCommandPrintsPngsAndRefusesABadFaultSpec(@TempDir Path dir) throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        int chosen = port;
        CompletableFuture<CommandRun> server = CompletableFuture.supplyAsync(() -> run("virtual-printer", "--port",
                String.valueOf(chosen), "--out", dir.toString(), "--max-labels", "2", "--profile", "zt610-300"));
        long deadline = System.nanoTime() + 10_000_000_000L;
        Socket socket = null;
        while (socket == null) {
            try {
                socket = new Socket("127.0.0.1", chosen);
            } catch (java.io.IOException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                Thread.onSpinWait();
            }
        }
        try (Socket s = socket) {
            s.getOutputStream().write("^XA^FO10,10^FDone^FS^XZ^XA^FO10,10^FDtwo^FS^XZ".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            CommandRun done = server.get(10, TimeUnit.SECONDS);
            assertEquals(0, done.exit(), done.err());
        }
        assertTrue(Files.exists(dir.resolve("label-000002.png")));
        CommandRun bad = run("virtual-printer", "--port", "0", "--faults", "paperOutAfter=x");
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("item 1 'paperOutAfter=x'"), bad.err());
    }

    @Test
    void benchPrinterReportsBothFormats() throws Exception {
        CommandRun bench = run("bench", "printer", "--labels", "50", "--json");
        assertEquals(0, bench.exit(), bench.err());
        JsonNode doc = JsonOutput.mapper().readTree(bench.out());
        assertEquals(50, doc.get("fullFormat").get("printed").asInt());
        assertEquals(50, doc.get("storedFormat").get("printed").asInt());
        assertTrue(doc.get("storedFormat").get("bytesPerLabel").asInt() < doc.get("fullFormat").get("bytesPerLabel").asInt());
        assertTrue(doc.get("fullFormat").get("labelsPerSecond").asInt() > 0);
    }

}

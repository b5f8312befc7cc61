package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tracemark.app.LineFaults;
import io.tracemark.app.SampleStation;
import io.tracemark.app.SimulatedLine;
import io.tracemark.line.LineSettings;
import io.tracemark.line.PackMlState;
import io.tracemark.sim.DegradationMix;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API on the simulated line after a fault: restart and clear are refused (409, naming the alarm)
 * until the alarm is acknowledged; a second start is refused while the job is OPEN; suspend lets it.
 */
class LineFaultApiTest {

    @Test
    void restartNeedsTheAlarmAcknowledgedAndStartNeedsNoOtherOpenJob(@TempDir Path dataDir) throws Exception {
        SimulatedLine.Options options = new SimulatedLine.Options(dataDir,
                LineFaults.parse("printer.headOpenAt=6", DegradationMix.none(), 7),
                LineSettings.defaults().withChallengeAtStart(false), 600, 7, 0, "zt411-203");
        try (SimulatedLine sim = SimulatedLine.start(options)) {
            UserAccounts accounts = new UserAccounts(new SqliteUserStore(sim.database()), new PinHasher(1000),
                    Clock.systemUTC());
            accounts.ensureUser("2001", "Supervisor Wang", Role.SUPERVISOR, "234567");
            PanelServices services = new PanelServices(accounts, new StationAuditTrail(sim.database(),
                    sim.ledger().audit()), new LedgerUnitLookup(sim.ledger()), List.of(), Map::of);
            try (PanelServer server = new PanelServer(sim.line(), services, PanelSettings.defaults())) {
                ApiClient api = new ApiClient(server.start(0));
                assertEquals(201, api.signIn("2001", "234567").status());
                sim.line().start(SampleStation.itemJob(40, LocalDate.now()), "2001");
                awaitState(sim, PackMlState.ABORTED);
                sim.fixDevices();

                ApiClient.Response restart = api.post("/line/restart", Map.of());
                assertEquals(409, restart.status(), restart.toString());
                assertTrue(restart.text().contains("acknowledge the alarm first"), restart.text());
                assertEquals(409, api.post("/line/clear", Map.of()).status());
                assertEquals("ABORTED", api.get("/status").json().get("state").asText());

                for (JsonNode alarm : api.get("/alarms").json()) {
                    assertEquals(200, api.post("/alarms/" + alarm.get("id").asLong() + "/ack", Map.of()).status());
                }
                ApiClient.Response resumed = api.post("/line/restart", Map.of());
                assertEquals(200, resumed.status(), resumed.toString());
                assertEquals(200, api.post("/line/stop", Map.of()).status());

                String jobId = sim.line().currentJobId().orElseThrow();
                ApiClient.Response second = api.post("/line/start", Map.of("productId", SampleStation.PRODUCT,
                        "batch", "B2", "productionDate", LocalDate.now().toString(), "traceLevel", "ITEM",
                        "scheme", "gs1", "template", "item-gs1-datamatrix", "printer", SimulatedLine.PRINTER,
                        "scanner", SimulatedLine.SCANNER, "quantity", 5));
                assertEquals(409, second.status(), second.toString());
                assertTrue(second.text().contains(jobId) && second.text().contains("suspend it"), second.text());

                assertEquals(200, api.post("/line/suspend", Map.of()).status());
                JsonNode open = api.get("/jobs/open").json();
                assertEquals(1, open.size(), open.toString());
                assertTrue(open.get(0).get("suspended").asBoolean(), open.toString());
                ApiClient.Response back = api.post("/jobs/" + jobId + "/resume", Map.of());
                assertEquals(200, back.status(), back.toString());
                assertEquals(jobId, back.json().get("job").get("jobId").asText());
            }
        }
    }

    private static void awaitState(SimulatedLine sim, PackMlState state) throws Exception {
        java.util.concurrent.Semaphore changed = new java.util.concurrent.Semaphore(0);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        try (AutoCloseable ignored = sim.line().onChange(changed::release)) {
            while (sim.line().snapshot().state() != state) {
                assertTrue(System.nanoTime() < deadline, "line reached " + state + ": " + sim.line().snapshot());
                changed.tryAcquire(100, java.util.concurrent.TimeUnit.MILLISECONDS);
            }
        }
    }
}

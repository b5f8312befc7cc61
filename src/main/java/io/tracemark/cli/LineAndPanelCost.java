package io.tracemark.cli;

import io.tracemark.app.DemoRun;
import io.tracemark.app.SampleStation;
import io.tracemark.app.SimulatedLine;
import io.tracemark.app.StationPanel;
import io.tracemark.ledger.Reconciliation;
import io.tracemark.web.PanelServer;
import io.tracemark.web.UserAccounts;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The line's cost per unit and the panel API's response time on a station's data directory: the simulated
 * line with reader result strings (as {@code bench line --reads direct}) runs a warm-up job and a measured
 * job; then, with the line idle, the panel's status, job list and code pool are asked for
 * {@value #REQUESTS} times each over HTTP by a signed-in supervisor.
 */
final class LineAndPanelCost {

    private static final int REQUESTS = 30;
    private static final long SAMPLE_MS = 200;

    private LineAndPanelCost() {
    }

    static Map<String, Object> measure(Path data, int units) throws Exception {
        Map<String, Object> doc = new LinkedHashMap<>();
        SimulatedLine.Options options = SimulatedLine.Options.demo(data).withCodes(units * 2 + 100);
        try (SimulatedLine sim = SimulatedLine.startReadingDirect(options)) {
            DemoRun.Outcome warm = DemoRun.run(sim, units, 0, Duration.ofHours(1));
            StationCpu cpu = new StationCpu();
            cpu.sample();
            long before = cpu.nanos();
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    cpu.sample();
                    try {
                        Thread.sleep(SAMPLE_MS);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "bench-cpu-sampler");
            sampler.setDaemon(true);
            sampler.start();
            DemoRun.Outcome outcome = DemoRun.run(sim, units, 0, Duration.ofHours(1));
            sampler.interrupt();
            sampler.join();
            cpu.sample();
            Reconciliation r = outcome.books().orElseThrow(() -> new IllegalStateException(
                    "bench archive: the line job did not run: " + outcome.refused().orElse("?")));
            long judged = r.verified() + r.rejected();
            doc.put("lineUnits", judged);
            doc.put("unitsPerSecond", r.unitsPerSecond());
            doc.put("stationCpuMsPerUnit", judged == 0 || !cpu.supported() ? null
                    : Math.round((cpu.nanos() - before) / 1e6 / judged * 1000) / 1000.0);
            doc.put("balanced", r.balanced() && warm.books().map(Reconciliation::balanced).orElse(false)
                    && outcome.stops().isEmpty());
            UserAccounts accounts = StationPanel.accounts(sim.database());
            StationPanel.ensureDemoUsers(accounts);
            try (PanelServer panel = sim.station().startPanel(accounts, "127.0.0.1", 0)) {
                doc.put("panelMedianMs", panelTimes(panel.port()));
            }
        }
        return doc;
    }

    /** Median milliseconds per API path. */
    private static Map<String, Double> panelTimes(int port) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String base = "http://127.0.0.1:" + port + PanelServer.API;
        HttpResponse<String> signIn = http.send(HttpRequest.newBuilder(URI.create(base + "/session"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"user\":\"2001\",\"pin\":\"234567\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        if (signIn.statusCode() != 201) {
            throw new IllegalStateException("bench archive: sign-in at the panel answered " + signIn.statusCode() + ": "
                    + signIn.body());
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        for (String path : List.of("/status", "/jobs", "/codes/pool", "/jobs/last-reconciliation")) {
            List<Long> times = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                long t0 = System.nanoTime();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                times.add(System.nanoTime() - t0);
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("bench archive: GET " + path + " answered " + r.statusCode() + ": " + r.body());
                }
            }
            times.sort(Long::compare);
            medians.put(path, Math.round(times.get(times.size() / 2) / 1e4) / 100.0);
        }
        return medians;
    }
}

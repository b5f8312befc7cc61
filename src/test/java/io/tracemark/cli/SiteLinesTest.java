package io.tracemark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.tracemark.ledger.Reconciliation;
import io.tracemark.platform.reference.ReferencePlatform;
import io.tracemark.site.PostgresCluster;
import io.tracemark.site.SiteConfig;
import io.tracemark.site.SiteServer;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three stations ({@code run --config}, each on a {@code virtual-line} process of its own, each with
 * its own data directory), a site on PostgreSQL and the reference platform: the stations' codes come
 * from the platform through the site; the site is down for a while during the jobs (the stations print
 * on from their buffers and catch up) and one station is killed with {@code kill -9} and resumes;
 * in the end every unit's event reached the platform exactly once, no code was printed by two lines,
 * every station's books balance, and a recall of the batch at the site (the stations send their job's
 * batch with each event) finds every unit of all three lines.
 */
class SiteLinesTest {

    private static final int UNITS = 60;
    private static final int LINES = 3;
    private static final String ADMIN_TOKEN = "site-admin-token-of-the-lines-test";

    @TempDir
    Path dir;

    @Test
    void threeLinesGetCodesFromTheSiteAndEveryUnitReachesThePlatformOnceThroughOutagesAndAKill() throws Exception {
        int sitePort;
        try (ServerSocket s = new ServerSocket(0)) {
            sitePort = s.getLocalPort();
        }
        try (ReferencePlatform platform = ReferencePlatform.start(0, dir.resolve("platform"), true)) {
            SiteConfig config = siteConfig(PostgresCluster.shared().newDatabase("lines"), platform.baseUrl(), sitePort);
            SiteServer site = SiteServer.start(config);
            URI siteUrl = site.url();
            List<VirtualPlant> plants = new ArrayList<>();
            try {
                for (int n = 1; n <= LINES; n++) {
                    plants.add(new VirtualPlant(Files.createDirectories(dir.resolve("line-" + n)), "", "input", siteUrl));
                }
                List<Path> yamls = new ArrayList<>();
                for (int n = 1; n <= LINES; n++) {
                    yamls.add(lineYaml(plants.get(n - 1), n));
                }
                ExecutorService runs = Executors.newFixedThreadPool(LINES);
                List<Future<JsonNode>> jobs = new ArrayList<>();
                jobs.add(runs.submit(() -> runToTheEnd(plants.get(0), yamls.get(0))));
                jobs.add(runs.submit(() -> runKilledOnce(plants.get(1), yamls.get(1))));
                jobs.add(runs.submit(() -> runToTheEnd(plants.get(2), yamls.get(2))));

                // the site goes down while every line prints; the lines print on from their buffers
                long[] before = new long[LINES];
                for (int n = 0; n < LINES; n++) {
                    awaitSent(plants.get(n), 5, jobs.get(n));
                }
                site.close();
                for (int n = 0; n < LINES; n++) {
                    before[n] = sent(plants.get(n));
                }
                for (int n = 0; n < LINES; n++) {
                    awaitSent(plants.get(n), Math.min(UNITS, before[n] + 5), jobs.get(n));
                }
                site = SiteServer.start(config);
                for (int n = 0; n < LINES; n++) {
                    JsonNode doc = jobs.get(n).get();
                    assertEquals(UNITS, doc.get("verified").asInt(), "line-" + (n + 1) + ": " + doc);
                    assertTrue(doc.get("platform").get("drained").asBoolean(), "line-" + (n + 1) + " caught up: " + doc);
                }
                runs.shutdown();
                awaitPlatform(platform, site);

                long verdicts = 0;
                long verified = 0;
                Set<String> printed = new HashSet<>();
                for (VirtualPlant plant : plants) {
                    List<Reconciliation> books = plant.assertBooks("at the end");
                    verified += books.stream().mapToLong(Reconciliation::verified).sum();
                    verdicts += plant.ledgerCount("SELECT count(*) FROM units WHERE state IN ('VERIFIED','REJECTED','VOIDED')");
                    for (String code : plant.printedCodes()) {
                        assertTrue(printed.add(code), "code printed on two lines: " + code);
                    }
                    assertEquals(0, plant.ledgerCount("SELECT count(*) FROM units u JOIN codes c ON c.id = u.code_id"
                            + " JOIN code_packages p ON p.id = c.package_id WHERE p.file_name NOT LIKE 'platform:%'"),
                            "every unit's code came through the site");
                }
                assertEquals(3L * UNITS, verified);
                assertEquals(verdicts, platformCount(platform, "SELECT count(*) FROM events WHERE type IN"
                        + " ('VERIFIED','REJECTED','VOIDED')"), "platform events = the lines' verdicts");
                assertEquals(0, platformCount(platform, "SELECT count(*) FROM (SELECT code FROM events GROUP BY code"
                        + " HAVING count(*) > 1)"), "one event per code");
                assertEquals(verified, platformCount(platform, "SELECT sum(quantity) FROM daily_quantity_reports WHERE"
                        + " product_id = '" + VirtualPlant.PRODUCT + "' AND day = '" + LocalDate.now() + "'"),
                        "the lines' daily quantities reached the platform");
                assertEquals(0, site.forwarder().lag().refused(), "the platform refused nothing: " + site.forwarder().lag());

                String batch = "B" + LocalDate.now().toString().replace("-", "");
                java.net.http.HttpResponse<String> recall = java.net.http.HttpClient.newHttpClient().send(
                        java.net.http.HttpRequest.newBuilder(URI.create(site.url() + "/api/site/v1/warehouse/recall?batch="
                                + batch)).header("Authorization", "Bearer " + ADMIN_TOKEN).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
                assertEquals(200, recall.statusCode(), recall.body());
                JsonNode perLine = new com.fasterxml.jackson.databind.ObjectMapper().readTree(recall.body()).get("unitsPerLine");
                for (int n = 0; n < LINES; n++) {
                    long units = plants.get(n).ledgerCount("SELECT count(*) FROM units WHERE state IN"
                            + " ('VERIFIED','REJECTED','VOIDED')");
                    assertEquals(units, perLine.path("line-" + (n + 1)).asLong(), "line-" + (n + 1) + "'s units in the"
                            + " recall of batch " + batch + ": " + perLine);
                }
            } finally {
                site.close();
                for (VirtualPlant plant : plants) {
                    plant.close();
                }
            }
        }
    }

    private static SiteConfig siteConfig(SiteConfig.Database db, URI platform, int port) {
        List<SiteConfig.StationEntry> stations = new ArrayList<>();
        for (int n = 1; n <= LINES; n++) {
            stations.add(new SiteConfig.StationEntry("line-" + n, "Line " + n, token(n)));
        }
        return new SiteConfig("site-lines", new SiteConfig.Listen("127.0.0.1", port), db,
                new SiteConfig.Platform(platform, io.tracemark.platform.reference.SampleData.STATION_TOKEN, 10, 5),
                new SiteConfig.Pool(1000, 5000), stations, null, ADMIN_TOKEN);
    }

    private static String token(int n) {
        return "line-" + n + "-token-of-the-lines-test";
    }

    /** The plant's station yaml as line-n of the site: its own name and token, a short pull interval. */
    private static Path lineYaml(VirtualPlant plant, int n) throws Exception {
        Path yaml = plant.stationYaml(false);
        String text = Files.readString(yaml, StandardCharsets.UTF_8)
                .replace("name: virtual-1", "name: line-" + n)
                .replace("token: demo-station-token", "token: " + token(n))
                .replace("pullIntervalSeconds: 30", "pullIntervalSeconds: 2");
        Files.writeString(yaml, text, StandardCharsets.UTF_8);
        return yaml;
    }

    private JsonNode runToTheEnd(VirtualPlant plant, Path yaml) throws Exception {
        try (ChildJvm station = ChildJvm.start(plant.dir, "station", VirtualPlant.ADMIN_PIN, "run", "--config",
                yaml.toString(), "--job", plant.jobFile(UNITS).toString(), "--exit-when-done", "--json",
                "--drain-timeout", "PT120S")) {
            JsonNode doc = station.awaitJson(Duration.ofMinutes(6));
            assertEquals(0, station.awaitExit(Duration.ofMinutes(1)), doc + "\n" + station.stderr());
            return doc;
        }
    }

    /** The job killed with kill -9 once 15 units were sent, then resumed on the same data to its end. */
    private JsonNode runKilledOnce(VirtualPlant plant, Path yaml) throws Exception {
        try (ChildJvm station = ChildJvm.start(plant.dir, "station-killed", VirtualPlant.ADMIN_PIN, "run", "--config",
                yaml.toString(), "--job", plant.jobFile(UNITS).toString(), "--exit-when-done", "--json")) {
            long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
            while (sent(plant) < 15) {
                if (!station.alive() || System.nanoTime() > deadline) {
                    fail("the station to be killed did not send 15 units\n" + station.stderr());
                }
                Thread.sleep(20);
            }
            station.kill();
        }
        plant.assertBooks("after the kill");
        try (ChildJvm station = ChildJvm.start(plant.dir, "station-resumed", VirtualPlant.ADMIN_PIN, "run", "--config",
                yaml.toString(), "--exit-when-done", "--json", "--drain-timeout", "PT120S")) {
            JsonNode doc = station.awaitJson(Duration.ofMinutes(6));
            assertEquals(0, station.awaitExit(Duration.ofMinutes(1)), doc + "\n" + station.stderr());
            assertTrue(doc.get("resumed").asBoolean(), doc.toString());
            return doc;
        }
    }

    private static long sent(VirtualPlant plant) {
        if (!Files.exists(plant.stationData.resolve("station.db"))) {
            return 0;
        }
        try {
            return plant.ledgerCount("SELECT count(*) FROM units");
        } catch (RuntimeException notYet) {
            return 0; // the station is still creating its database
        }
    }

    private static void awaitSent(VirtualPlant plant, long n, Future<JsonNode> job) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (sent(plant) < n && !job.isDone()) {
            if (System.nanoTime() > deadline) {
                fail("line in " + plant.dir + " did not send " + n + " units");
            }
            Thread.sleep(20);
        }
    }

    private static void awaitPlatform(ReferencePlatform platform, SiteServer site) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (site.forwarder().lag().events() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(0, site.forwarder().lag().events(), "the site's outbox drained: " + site.forwarder().lag());
    }

    /** A count from the reference platform's own database (read-only). */
    private long platformCount(ReferencePlatform platform, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + dir.resolve("platform").resolve("platform.db")
                + "?mode=ro"); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : -1;
        }
    }
}

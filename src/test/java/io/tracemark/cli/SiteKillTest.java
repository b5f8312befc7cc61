package io.tracemark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.platform.HttpPlatformClient;
import io.tracemark.platform.PlatformClient;
import io.tracemark.platform.PlatformException;
import io.tracemark.platform.reference.ReferencePlatform;
import io.tracemark.platform.reference.SampleData;
import io.tracemark.platform.wire.CodeRange;
import io.tracemark.platform.wire.CodeStatus;
import io.tracemark.platform.wire.NewCodeRequest;
import io.tracemark.platform.wire.RangeAck;
import io.tracemark.platform.wire.UnitEvent;
import io.tracemark.platform.wire.UnitEventType;
import io.tracemark.site.PostgresCluster;
import io.tracemark.site.SiteConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the site process while three stations send it unit events (each as a station's outbox
 * does: in order, a batch sent again until the site answered, as a station killed and restarted
 * does too), restarted on the same database and port each time: at the end the platform holds every
 * event once, and every unit's two events (VERIFIED, then AGGREGATED into a case of ten) arrived in
 * order. Then the site's warehouse puts cases of two lines on one pallet and ships it, the site
 * killed again while it closes the shipment: the shipment is closed whole or not at all, each
 * shipped unit's SHIPPED event reaches the platform once, and a recall of the batch finds the units
 * of all three lines with their pallet and buyer.
 */
class SiteKillTest {

    private static final int STATIONS = 3;
    private static final int UNITS = 300;
    private static final int BATCH = 20;
    private static final int KILLS = 3;
    private static final int CASE = 10;
    private static final String BATCH_NO = "B-KILL-1";
    private static final String ADMIN = "admin-token-of-the-kill-test";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void siteKilledWhileStationsSendLosesNothingAndDuplicatesNothing() throws Exception {
        PostgresCluster pg = PostgresCluster.shared();
        SiteConfig.Database db = pg.newDatabase("kill");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (ReferencePlatform platform = ReferencePlatform.start(0, dir.resolve("platform"), true)) {
            Path yaml = dir.resolve("site.yaml");
            Files.writeString(yaml, Files.readString(Path.of("site.yaml"), StandardCharsets.UTF_8)
                    .replace("jdbc:postgresql://127.0.0.1:5432/tracemark", db.url())
                    .replace("user: tracemark", "user: " + db.user())
                    .replace("password: tracemark ", "password: " + db.password() + " ")
                    .replace("http://127.0.0.1:8080", platform.baseUrl().toString())
                    .replace("codesPerProduct: 20000", "codesPerProduct: 1000")
                    .replace("port: 8090", "port: " + port), StandardCharsets.UTF_8);
            Map<String, String> env = Map.of("TRACEMARK_SITE_ADMIN_TOKEN", ADMIN);
            URI url = URI.create("http://127.0.0.1:" + port);
            ChildJvm site = ChildJvm.start(dir, "site-0", env, "site", "--config", yaml.toString(), "--json");
            site.awaitJson(Duration.ofSeconds(90));
            List<List<String>> codes = new ArrayList<>();
            for (int s = 1; s <= STATIONS; s++) {
                codes.add(codesFor(url, s));
            }
            AtomicLong accepted = new AtomicLong();
            ExecutorService senders = Executors.newFixedThreadPool(STATIONS);
            List<Future<?>> work = new ArrayList<>();
            for (int s = 1; s <= STATIONS; s++) {
                int station = s;
                work.add(senders.submit(() -> send(url, station, codes.get(station - 1), accepted)));
            }
            long total = 2L * STATIONS * UNITS;
            for (int kill = 1; kill <= KILLS; kill++) {
                long target = total * kill / (KILLS + 1);
                await("the stations sent " + target + " events", Duration.ofMinutes(3), () -> accepted.get() >= target);
                assertTrue(site.alive(), "the site ran until kill " + kill + "\n" + site.stderr());
                site.kill();
                site = ChildJvm.start(dir, "site-" + kill, env, "site", "--config", yaml.toString(), "--json");
                site.awaitJson(Duration.ofSeconds(90));
            }
            for (Future<?> f : work) {
                f.get();
            }
            senders.shutdown();
            await("the platform has every event", Duration.ofMinutes(2), () -> platform.eventCount() >= total);
            assertEquals(total, platform.eventCount(), "the platform holds every event once\n" + site.stderr());
            for (List<String> stationCodes : codes) {
                for (String code : stationCodes) {
                    CodeStatus st = platform.codeStatus(code).orElseThrow();
                    assertEquals(2, st.eventCount(), code);
                    assertEquals(UnitEventType.AGGREGATED, st.lastEvent(), "in order per unit: " + code);
                }
            }

            // a pallet of line-1's and line-2's first cases ships; the site is killed while it closes the shipment
            String pallet = warehouse(url, "POST", "/pallets", "{\"user\":\"wh-1\"}", 201).get("sscc").asText();
            for (int station = 1; station <= 2; station++) {
                warehouse(url, "POST", "/pallets/" + pallet + "/cases", "{\"case\":\"" + caseOf(station, 0)
                        + "\",\"user\":\"wh-1\"}", 200);
            }
            warehouse(url, "POST", "/pallets/" + pallet + "/close", "{\"user\":\"wh-1\"}", 200);
            warehouse(url, "POST", "/shipments", "{\"orderNumber\":\"PO-KILL\",\"saleTime\":\"2026-12-02T12:00:00Z\","
                    + "\"user\":\"wh-1\",\"buyer\":{\"name\":\"Kill Buyer Co\",\"address\":\"9 Dock St\","
                    + "\"contact\":\"kill-buyer@example.com\"}}", 201);
            warehouse(url, "POST", "/shipments/PO-KILL/items", "{\"sscc\":\"" + pallet + "\",\"user\":\"wh-1\"}", 200);
            ExecutorService closer = Executors.newSingleThreadExecutor();
            closer.submit(() -> {
                try {
                    return HTTP.send(request(url, "POST", "/shipments/PO-KILL/close", "{\"user\":\"wh-1\"}"),
                            HttpResponse.BodyHandlers.ofString()).statusCode();
                } catch (Exception cut) {
                    return -1; // the site died under the request
                }
            });
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextInt(0, 40)); // a kill point at random:
            site.kill(); // before, inside or after the close's transaction; it is whole or absent either way
            closer.shutdown();
            site = ChildJvm.start(dir, "site-after-ship", env, "site", "--config", yaml.toString(), "--json");
            site.awaitJson(Duration.ofSeconds(90));
            JsonNode shipment = warehouse(url, "GET", "/shipments/PO-KILL", null, 200);
            if (shipment.get("state").asText().equals("OPEN")) {
                warehouse(url, "POST", "/shipments/PO-KILL/close", "{\"user\":\"wh-1\"}", 200);
            }
            await("the SHIPPED events reached the platform", Duration.ofMinutes(2),
                    () -> platform.eventCount() >= total + 2L * CASE);
            assertEquals(total + 2L * CASE, platform.eventCount(), "one SHIPPED event per shipped unit, once");
            for (int station = 1; station <= 2; station++) {
                for (String code : codes.get(station - 1).subList(0, CASE)) {
                    CodeStatus st = platform.codeStatus(code).orElseThrow();
                    assertEquals(3, st.eventCount(), code);
                    assertEquals(UnitEventType.SHIPPED, st.lastEvent(), "shipped after it was packed: " + code);
                }
            }
            JsonNode recall = warehouse(url, "GET", "/recall?batch=" + BATCH_NO, null, 200);
            assertEquals(Map.of("line-1", UNITS, "line-2", UNITS, "line-3", UNITS), JSON.convertValue(
                    recall.get("unitsPerLine"), Map.class), "the batch's units on all lines");
            assertEquals(Map.of("Kill Buyer Co", 2 * CASE), JSON.convertValue(recall.get("unitsPerBuyer"), Map.class));
            assertEquals(3L * UNITS - 2 * CASE, recall.get("inFactory").asLong());
            for (JsonNode u : recall.get("units")) {
                if (u.hasNonNull("orderNumber")) {
                    assertEquals(pallet, u.get("palletSscc").asText(), u.toString());
                }
            }
            site.close();
        }
    }

    private static List<String> codesFor(URI site, int station) {
        PlatformClient client = client(site, station);
        List<String> codes = new ArrayList<>();
        while (codes.size() < UNITS) {
            var r = client.requestCodes(new NewCodeRequest(SampleData.KETTLE, UNITS - codes.size(), null));
            for (CodeRange range : client.activatedRanges(SampleData.KETTLE)) {
                client.acknowledge(range.id(), RangeAck.accept());
                codes.addAll(range.codes());
            }
            assertTrue(r.rangeId() != null, r.toString());
        }
        return codes;
    }

    /** A station's outbox: events in order, in batches, each batch sent again until the site answered. */
    private static void send(URI site, int station, List<String> codes, AtomicLong accepted) {
        PlatformClient client = client(site, station);
        List<UnitEvent> events = new ArrayList<>();
        Instant t0 = Instant.parse("2026-12-02T08:00:00Z");
        for (int i = 0; i < codes.size(); i++) {
            // one time for both: the platform's latest event is then the one it stored last (arrival order)
            Instant at = t0.plusSeconds(i);
            events.add(event(station, i, "v", codes.get(i), UnitEventType.VERIFIED, at, null));
            events.add(event(station, i, "a", codes.get(i), UnitEventType.AGGREGATED, at, "(00)" + caseOf(station, i / CASE)));
        }
        for (int from = 0; from < events.size(); from += BATCH) {
            List<UnitEvent> batch = events.subList(from, Math.min(events.size(), from + BATCH));
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (true) {
                try {
                    var result = client.postEvents(batch);
                    accepted.addAndGet(result.accepted() + result.duplicates());
                    break;
                } catch (PlatformException e) {
                    if (System.nanoTime() > deadline) {
                        throw e;
                    }
                    sleep(100);
                }
            }
        }
    }

    private static UnitEvent event(int station, int unit, String kind, String code, UnitEventType type, Instant at,
                                   String parent) {
        return new UnitEvent("line-" + station + "/job-1/" + unit + "/" + kind, code, SampleData.KETTLE, type, at,
                "job-1", null, parent, parent == null ? Map.of("batch", BATCH_NO)
                        : Map.of("batch", BATCH_NO, "caseUnits", Integer.toString(CASE)));
    }

    /** Station {@code station}'s case number {@code n}: an SSCC of its own range (extension digit = station). */
    private static String caseOf(int station, int n) {
        return io.tracemark.pack.Sscc.of(station, "6901234", 1000 + n).digits();
    }

    private static HttpRequest request(URI site, String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(site + "/api/site/v1/warehouse" + path))
                .header("Authorization", "Bearer " + ADMIN).timeout(Duration.ofSeconds(30));
        return (body == null ? b.method(method, HttpRequest.BodyPublishers.noBody())
                : b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body)))
                .build();
    }

    private static JsonNode warehouse(URI site, String method, String path, String body, int expected) throws Exception {
        HttpResponse<String> r = HTTP.send(request(site, method, path, body), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, r.statusCode(), method + " " + path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    /** Polls {@code condition} until it holds; fails naming {@code what} after {@code within}. */
    private static void await(String what, Duration within, java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + within + ": " + what);
            }
            Thread.sleep(5);
        }
    }

    private static PlatformClient client(URI site, int station) {
        return new HttpPlatformClient(site, "line-" + station + "-token-change-me", Duration.ofSeconds(10));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

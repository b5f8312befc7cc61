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
import java.net.ServerSocket;
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
 * does: in order, a batch sent again until the site answered), restarted on the same database and
 * port each time: at the end the platform holds every event once, and every unit's two events
 * (VERIFIED, then AGGREGATED) arrived in order.
 */
class SiteKillTest {

    private static final int STATIONS = 3;
    private static final int UNITS = 300;
    private static final int BATCH = 20;
    private static final int KILLS = 3;

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
            Map<String, String> env = Map.of("TRACEMARK_SITE_ADMIN_TOKEN", "admin-token-of-the-kill-test");
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
                long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
                while (accepted.get() < target && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                assertTrue(site.alive(), "the site ran until kill " + kill + "\n" + site.stderr());
                site.kill();
                site = ChildJvm.start(dir, "site-" + kill, env, "site", "--config", yaml.toString(), "--json");
                site.awaitJson(Duration.ofSeconds(90));
            }
            for (Future<?> f : work) {
                f.get();
            }
            senders.shutdown();
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (platform.eventCount() < total && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertEquals(total, platform.eventCount(), "the platform holds every event once\n" + site.stderr());
            for (List<String> stationCodes : codes) {
                for (String code : stationCodes) {
                    CodeStatus st = platform.codeStatus(code).orElseThrow();
                    assertEquals(2, st.eventCount(), code);
                    assertEquals(UnitEventType.AGGREGATED, st.lastEvent(), "in order per unit: " + code);
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
            events.add(event(station, i, "a", codes.get(i), UnitEventType.AGGREGATED, at, "(00)369012340000000017"));
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
                "job-1", null, parent, Map.of());
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

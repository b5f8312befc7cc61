package io.tracemark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tracemark.platform.HttpPlatformClient;
import io.tracemark.platform.PlatformClient;
import io.tracemark.platform.reference.ReferencePlatform;
import io.tracemark.platform.reference.SampleData;
import io.tracemark.platform.wire.CodeRange;
import io.tracemark.platform.wire.CodeRequest;
import io.tracemark.platform.wire.NewCodeRequest;
import io.tracemark.platform.wire.RangeAck;
import io.tracemark.site.PostgresCluster;
import io.tracemark.site.SiteConfig;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code site --config site.yaml} as processes of their own on a real PostgreSQL: the README's set-up
 * (one psql line creates the database, one command starts the site) with the shipped site.yaml, and two
 * site processes on one database handing out every code once to stations that call both.
 */
class SiteProcessesTest {

    /** The README's command that creates the site's database (run here against the test cluster: PGHOST, PGPORT). */
    static final String CREATE_DATABASE = "runuser -u postgres -- psql -v ON_ERROR_STOP=1"
            + " -c \"CREATE ROLE tracemark LOGIN PASSWORD 'tracemark'\" -c \"CREATE DATABASE tracemark OWNER tracemark\"";
    static final String ADMIN_TOKEN = "site-admin-token-of-the-test";

    @TempDir
    Path dir;

    @Test
    void theReadmeSetUpCreatesTheDatabaseAndTwoSiteProcessesOnItHandOutEachCodeOnce() throws Exception {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        assertTrue(readme.contains(CREATE_DATABASE), "the README shows the command the test runs");
        assertTrue(readme.contains("TRACEMARK_SITE_ADMIN_TOKEN=… java -jar target/tracemark.jar site --config site.yaml"),
                "the README shows the start command");
        assertTrue(readme.contains("| `site --config site.yaml [--port P] [--json]` |"), "the commands table lists site");
        assertTrue(readme.contains("| `bench site --config site.yaml --stations 20 [--units N] [--json]` |"),
                "the commands table lists bench site");
        PostgresCluster pg = PostgresCluster.shared();
        ProcessBuilder psqlRun = new ProcessBuilder("bash", "-c", CREATE_DATABASE).redirectErrorStream(true);
        psqlRun.environment().putAll(pg.clientEnvironment());
        Process psql = psqlRun.start();
        psql.getOutputStream().close();
        String out = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, psql.waitFor(), "psql: " + out);
        try (ReferencePlatform platform = ReferencePlatform.start(0, dir.resolve("platform"), true)) {
            Path yaml = siteYaml(pg, platform.baseUrl());
            Map<String, String> vars = Map.of("TRACEMARK_SITE_ADMIN_TOKEN", ADMIN_TOKEN);
            try (ChildJvm a = ChildJvm.start(dir, "site-a", vars, "site", "--config", yaml.toString(), "--port", "0", "--json");
                 ChildJvm b = ChildJvm.start(dir, "site-b", vars, "site", "--config", yaml.toString(), "--port", "0", "--json")) {
                URI urlA = URI.create(a.awaitJson(Duration.ofSeconds(90)).get("url").asText());
                URI urlB = URI.create(b.awaitJson(Duration.ofSeconds(90)).get("url").asText());
                Map<String, String> holder = new ConcurrentHashMap<>();
                List<String> clashes = java.util.Collections.synchronizedList(new ArrayList<>());
                ExecutorService pool = Executors.newFixedThreadPool(6);
                List<Future<Integer>> work = new ArrayList<>();
                for (int t = 0; t < 6; t++) {
                    int station = 1 + t % 3;
                    URI url = t % 2 == 0 ? urlA : urlB;
                    work.add(pool.submit(() -> takeCodes(url, station, holder, clashes)));
                }
                int codes = 0;
                for (Future<Integer> f : work) {
                    codes += f.get();
                }
                pool.shutdown();
                assertEquals(List.of(), clashes, "no code handed out twice");
                assertTrue(codes > 6 * 15, "every request was answered with codes: " + codes);
                assertEquals(codes, holder.size());
                assertTrue(a.alive() && b.alive(), a.stderr() + b.stderr());
                assertTrue(platform.ranges().size() > 1, "the pool was topped up from the platform while handing out");
            }
        }
    }

    /** 15 requests of 40 codes by one station through one site process; every code into {@code holder}. */
    private static int takeCodes(URI site, int station, Map<String, String> holder, List<String> clashes) {
        PlatformClient client = new HttpPlatformClient(site, "line-" + station + "-token-change-me", Duration.ofSeconds(60));
        int taken = 0;
        for (int i = 0; i < 15; i++) {
            CodeRequest r = client.requestCodes(new NewCodeRequest(SampleData.KETTLE, 40, null));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (r.rangeId() == null && System.nanoTime() < deadline) {
                r = client.codeRequest(r.id()); // PENDING_AUDIT until the pool has codes again
            }
            CodeRequest made = r;
            CodeRange range = client.activatedRanges(SampleData.KETTLE).stream().filter(x -> x.id().equals(made.rangeId()))
                    .findFirst().orElseThrow(() -> new AssertionError("no range for " + made));
            if (range.codes().isEmpty() || range.codes().size() > 40) {
                clashes.add(range.id() + " holds " + range.codes().size() + " codes for a request of 40");
            }
            client.acknowledge(range.id(), RangeAck.accept());
            for (String code : range.codes()) {
                String before = holder.putIfAbsent(code, "line-" + station + "/" + range.id());
                if (before != null) {
                    clashes.add(code + " in " + before + " and line-" + station + "/" + range.id());
                }
            }
            taken += range.codes().size();
        }
        return taken;
    }

    /** The shipped site.yaml pointed at the test cluster's database (created by the README line) and the platform. */
    private Path siteYaml(PostgresCluster pg, URI platform) throws Exception {
        String yaml = Files.readString(Path.of("site.yaml"), StandardCharsets.UTF_8)
                .replace("jdbc:postgresql://127.0.0.1:5432/tracemark", pg.jdbcUrl("tracemark"))
                .replace("http://127.0.0.1:8080", platform.toString())
                .replace("codesPerProduct: 20000", "codesPerProduct: 500")
                .replace("maxRequest: 100000", "maxRequest: 1000");
        Path file = dir.resolve("site.yaml");
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }
}

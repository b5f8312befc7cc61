package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tracemark.app.LineFaults;
import io.tracemark.app.SampleStation;
import io.tracemark.app.SimulatedLine;
import io.tracemark.ledger.Reconciliation;
import io.tracemark.line.LineSettings;
import io.tracemark.line.PackMlState;
import io.tracemark.platform.reference.SampleData;
import io.tracemark.sim.DegradationMix;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The panel on the real simulated line with the production PIN hashing cost: a flood of sign-ins
 * while a job starts (with its challenge test) and runs does not starve the line, and what the pool
 * cannot take is refused at once with a key. Also: {@code /products} counts each product's own codes.
 */
class SignInFloodTest {

    @TempDir
    static Path dataDir;
    private static SimulatedLine sim;
    private static PanelServer server;
    private static int port;

    @BeforeAll
    static void startLine() {
        SimulatedLine.Options options = new SimulatedLine.Options(dataDir,
                LineFaults.parse("", DegradationMix.none(), 7), LineSettings.defaults(), 600, 7, 0, "zt411-203");
        sim = SimulatedLine.start(options);
        UserAccounts accounts = new UserAccounts(new SqliteUserStore(sim.database()),
                new PinHasher(PinHasher.DEFAULT_ITERATIONS), Clock.systemUTC());
        accounts.ensureUser("1001", "Operator Li", Role.OPERATOR, "1234");
        PanelServices services = new PanelServices(accounts, new StationAuditTrail(sim.database(), sim.ledger().audit()),
                new LedgerUnitLookup(sim.ledger()), List.of(), Map::of);
        server = new PanelServer(sim.line(), services, PanelSettings.defaults());
        port = server.start(0);
    }

    @AfterAll
    static void stopLine() {
        server.close();
        sim.close();
    }

    @Test
    void aFloodOfSignInsWhileTheLineRunsLeavesTheChallengeItsWindow() throws Exception {
        // 50 sign-ins at once, each for another made-up user (so the per-user throttle lets every one through
        // to the PIN pool), in waves until the job has run
        java.util.concurrent.atomic.AtomicBoolean running = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.ConcurrentLinkedQueue<ApiClient.Response> answers = new java.util.concurrent.ConcurrentLinkedQueue<>();
        java.util.concurrent.atomic.AtomicInteger wave = new java.util.concurrent.atomic.AtomicInteger();
        Thread flood = new Thread(() -> {
            try {
                while (running.get()) {
                    int w = wave.incrementAndGet();
                    answers.addAll(SignInAttackTest.concurrently(50,
                            i -> new ApiClient(port).signIn("x" + w + "-" + i, "000000")));
                }
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }, "sign-in-flood");
        flood.start();
        try {
            sim.line().start(SampleStation.itemJob(60, LocalDate.now()), "1001"); // throws when the challenge fails
            awaitState(PackMlState.COMPLETE, Duration.ofSeconds(120));
        } finally {
            running.set(false);
            flood.join(TimeUnit.MINUTES.toMillis(3));
        }
        String jobId = sim.line().currentJobId().orElseThrow();
        Reconciliation books = sim.ledger().reconcile(jobId);
        assertEquals(60, books.verified(), books.toString());
        assertEquals(0, books.voided(), books.toString());

        assertTrue(wave.get() >= 1 && answers.size() >= 50, "flooded: " + answers.size());
        long busy = 0;
        for (ApiClient.Response r : answers) {
            assertTrue(r.status() == 401 || r.status() == 503, "only wrong-PIN or busy answers: " + r);
            if (r.status() == 503) {
                busy++;
                assertEquals("signin.busy", r.json().get("key").asText(), r.toString());
                assertEquals(List.of("1"), r.header("Retry-After"), r.toString());
            }
        }
        assertTrue(busy >= 40, "beyond 1 running and 4 waiting, a wave of 50 is refused at once: "
                + busy + " of " + answers.size());
    }

    @Test
    void productsShowEachProductsOwnAvailableCodes() {
        ApiClient api = new ApiClient(port);
        assertEquals(201, api.signIn("1001", "1234").status());
        JsonNode products = api.get("/products").json();
        Map<String, Long> counts = new java.util.HashMap<>();
        products.forEach(p -> counts.put(p.get("id").asText(), p.get("codesAvailable").asLong()));
        long kettle = sim.ledger().countAvailable(SampleStation.SCHEME, SampleData.KETTLE);
        assertTrue(kettle > 0, "the kettle has codes pulled from the platform");
        assertEquals(kettle, counts.get(SampleData.KETTLE), counts.toString());
        assertEquals(0L, counts.get(SampleData.HELMET), "no range was pulled for the helmet: " + counts);
    }

    private static void awaitState(PackMlState state, Duration timeout) throws Exception {
        Semaphore changed = new Semaphore(0);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (AutoCloseable ignored = sim.line().onChange(changed::release)) {
            while (sim.line().snapshot().state() != state) {
                assertTrue(System.nanoTime() < deadline, "line reached " + state + ": " + sim.line().snapshot());
                changed.tryAcquire(100, TimeUnit.MILLISECONDS);
            }
        }
    }
}

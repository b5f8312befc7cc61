package io.tracemark.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.contract.ContractProxy;
import io.tracemark.contract.OpenApiContract;
import io.tracemark.platform.reference.ReferencePlatform;
import io.tracemark.platform.reference.SampleData;
import io.tracemark.store.Database;
import io.tracemark.store.Outbox;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxSenderTest {

    @TempDir
    Path dir;

    static OutboxSender.Settings fast(int batch) {
        return new OutboxSender.Settings(batch, Duration.ofMillis(20),
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(200), 0.2, 42));
    }

    /** Appends verdicts as the ledger does: {job, seq, code, state, reason, grade, at} under unit-verdict/JOB/SEQ. */
    static void appendVerdicts(Database db, Outbox outbox, String job, List<String> codes, int firstSeq) {
        db.inTransaction(conn -> {
            for (int i = 0; i < codes.size(); i++) {
                int seq = firstSeq + i;
                String state = seq % 10 == 0 ? "REJECTED" : "VERIFIED";
                outbox.append(conn, "unit.verdict", "unit-verdict/" + job + "/" + seq, "{\"job\":\"" + job + "\",\"seq\":"
                        + seq + ",\"code\":\"" + codes.get(i) + "\",\"state\":\"" + state
                        + "\",\"reason\":null,\"grade\":\"B\",\"at\":\"2025-06-01T03:00:00Z\"}");
            }
            outbox.append(conn, "job.release", "job-release/" + job + "/" + firstSeq, "{\"job\":\"" + job + "\"}");
            return null;
        });
    }

    @Test
    void drainsInOrderAndThePlatformHoldsEachEventOnce() {
        try (ReferencePlatform platform = ReferencePlatform.start(0, dir.resolve("p"), true);
             ContractProxy proxy = new ContractProxy(OpenApiContract.platform(), platform.baseUrl(),
                     HttpPlatformClient.API_PATH);
             Database db = Database.open(dir.resolve("s"))) {
            List<String> codes = platform.activateCodes(SampleData.KETTLE, 25);
            Outbox outbox = new Outbox(db);
            appendVerdicts(db, outbox, "J1", codes, 1);
            OutboxSender sender = new OutboxSender(db, outbox, new HttpPlatformClient(proxy.uri(),
                    platform.stationToken(), Duration.ofSeconds(10)), job -> SampleData.KETTLE, fast(10),
                    Clock.systemUTC(), "line-1");
            assertEquals(26, sender.lag().backlog());
            OutboxSender.Round first = sender.drainOnce();
            assertEquals(10, first.accepted());
            while (sender.lag().backlog() > 0) {
                assertNull(sender.drainOnce().error());
            }
            assertEquals(25, platform.eventCount());
            assertEquals("REJECTED", platform.codeStatus(codes.get(9)).orElseThrow().lastEvent().name());
            assertTrue(sender.lag().caughtUp());
            assertEquals(Duration.ZERO, sender.lag().oldestAge());
            assertEquals(1, platform.codeStatus(codes.get(0)).orElseThrow().eventCount());
            proxy.assertConforms();
        }
    }

    @Test
    void survivesAPlatformOutageAndARestartOfBoth() throws Exception {
        Path platformDir = dir.resolve("p");
        ReferencePlatform platform = ReferencePlatform.start(0, platformDir, true);
        int port = platform.port();
        List<String> codes = platform.activateCodes(SampleData.KETTLE, 300);
        PlatformClient client = platform.client();
        Database db = Database.open(dir.resolve("s"));
        Outbox outbox = new Outbox(db);
        OutboxSender sender = new OutboxSender(db, outbox, client, job -> SampleData.KETTLE, fast(50), Clock.systemUTC());
        sender.start();
        appendVerdicts(db, outbox, "J1", codes.subList(0, 100), 1);
        sender.nudge();
        assertTrue(sender.awaitDrained(Duration.ofSeconds(20)));

        platform.close(); // the platform goes away mid-run; the station keeps reporting into its outbox
        appendVerdicts(db, outbox, "J1", codes.subList(100, 200), 101);
        sender.nudge();
        PlatformLag lag = awaitFailure(sender);
        assertTrue(lag.backlog() >= 100, "backlog " + lag.backlog());
        assertTrue(lag.lastError().contains("unreachable"), lag.lastError());
        assertNotNull(lag.nextAttemptAt());

        sender.close(); // the station restarts too: a new sender over the same outbox
        db.close();
        db = Database.open(dir.resolve("s"));
        outbox = new Outbox(db);
        appendVerdicts(db, outbox, "J1", codes.subList(200, 300), 201);
        platform = ReferencePlatform.start(port, platformDir, true);
        sender = new OutboxSender(db, outbox, client, job -> SampleData.KETTLE, fast(50), Clock.systemUTC());
        sender.start();
        try {
            assertTrue(sender.awaitDrained(Duration.ofSeconds(30)), "outbox drained after the platform came back");
            assertEquals(300, platform.eventCount(), "every event exactly once");
            assertEquals(0, client.postEvents(List.of(new io.tracemark.platform.wire.UnitEvent("unit-verdict/J1/1",
                    codes.get(0), SampleData.KETTLE, io.tracemark.platform.wire.UnitEventType.VERIFIED,
                    java.time.Instant.parse("2025-06-01T03:00:00Z"), "J1", null, null,
                    java.util.Map.of("grade", "B", "seq", "1")))).accepted(), "the same event again is a duplicate");
            assertEquals(0, sender.lag().consecutiveFailures());
        } finally {
            sender.close();
            db.close();
            platform.close();
        }
    }

    private static PlatformLag awaitFailure(OutboxSender sender) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            PlatformLag lag = sender.lag();
            if (lag.consecutiveFailures() > 0) {
                return lag;
            }
            sender.awaitDrained(Duration.ofMillis(50));
        }
        throw new AssertionError("the sender never noticed the outage");
    }

    @Test
    void backoffGrowsAndIsRepeatableWithASeed() {
        Backoff a = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), 0.2, 7);
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), 0.2, 7);
        long previous = 0;
        for (int failures = 1; failures <= 6; failures++) {
            long d = a.delay(failures).toMillis();
            assertEquals(d, b.delay(failures).toMillis());
            long nominal = Math.min(100L << (failures - 1), 5000);
            assertTrue(d >= nominal * 0.8 && d <= nominal * 1.2, failures + ": " + d);
            assertTrue(d > previous * 1.2 || nominal == 5000, "grows");
            previous = d;
        }
        assertTrue(a.delay(40).toMillis() <= 6000, "capped");
    }
}

package io.tracemark.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.CodeState;
import io.tracemark.core.TraceLevel;
import io.tracemark.ledger.AllocatedCode;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.Unit;
import io.tracemark.contract.ContractProxy;
import io.tracemark.contract.OpenApiContract;
import io.tracemark.platform.reference.ReferencePlatform;
import io.tracemark.platform.reference.SampleData;
import io.tracemark.platform.wire.RangeStatus;
import io.tracemark.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A station (real ledger, real outbox) and the reference platform over loopback. */
class StationPlatformTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;

    /** Records what the puller tells the user. */
    static final class Alarms implements PlatformListener {
        final List<String> seen = new ArrayList<>();

        @Override
        public synchronized void bufferLow(String productId, long available, long threshold) {
            seen.add("low " + productId + " " + available + "<" + threshold);
        }

        @Override
        public synchronized void bufferRestored(String productId, long available) {
            seen.add("restored " + productId + " " + available);
        }

        @Override
        public synchronized void platformUnavailable(PlatformException failure) {
            seen.add("unavailable " + failure.kind());
        }
    }

    @Test
    void pullsItsBufferKeepsPrintingThroughAnOutageAndReportsEveryUnitOnce() throws Exception {
        Path platformDir = dir.resolve("platform");
        ReferencePlatform platform = ReferencePlatform.start(0, platformDir, true);
        int port = platform.port();
        ContractProxy proxy = new ContractProxy(OpenApiContract.platform(), platform.baseUrl(), HttpPlatformClient.API_PATH);
        PlatformClient client = new HttpPlatformClient(proxy.uri(), platform.stationToken(), Duration.ofSeconds(10));
        try (proxy; Database db = Database.open(dir.resolve("station"))) {
            CodeLedger ledger = new CodeLedger(db);
            LedgerCodeStock stock = new LedgerCodeStock(ledger, db, ReferencePlatform.stationSchemes());
            Alarms alarms = new Alarms();
            PullerSettings settings = new PullerSettings(Duration.ofMinutes(5), 2, 0.5,
                    Map.of(SampleData.KETTLE, 100L, SampleData.HELMET, 20L), 10, 1000);
            CodeRangePuller puller = new CodeRangePuller(client, stock, settings, alarms);

            CodeRangePuller.PullReport first = puller.pullNow();
            assertEquals(null, first.error());
            assertEquals(Map.of(SampleData.KETTLE, 200L, SampleData.HELMET, 40L), first.available());
            assertEquals(240, ledger.countCodes(CodeState.AVAILABLE));
            assertTrue(platform.ranges().stream().allMatch(r -> r.status() == RangeStatus.ACCEPTED));
            assertEquals(List.of(), puller.pullNow().requested(), "buffer full: nothing requested");

            // a job of 180 kettles: the buffer falls to 20, then the platform goes away
            insertJobDetails(db, ledger, "J1", SampleData.KETTLE, 180);
            List<AllocatedCode> codes = ledger.allocate("J1", 180, "gs1", "op");
            platform.close();
            CodeRangePuller.PullReport offline = puller.pullNow();
            assertNotNull(offline.error());
            assertTrue(offline.low().contains(SampleData.KETTLE));
            assertTrue(alarms.seen.contains("low " + SampleData.KETTLE + " 20<50"), alarms.seen.toString());
            assertTrue(alarms.seen.contains("unavailable UNREACHABLE"), alarms.seen.toString());

            // the line keeps printing from its buffer; every verdict goes into the outbox
            List<Unit> units = ledger.markSent("J1", codes.stream().map(AllocatedCode::code).toList(), "op");
            int verified = 0;
            for (Unit u : units) {
                if (u.seq() % 9 == 0) {
                    ledger.reject(u.id(), "no read", null, "op");
                } else {
                    ledger.verify(u.id(), "B", "op");
                    verified++;
                }
            }
            OutboxSender sender = new OutboxSender(db, ledger.outbox(), client, new JobProducts(db),
                    OutboxSenderTest.fast(50), Clock.systemUTC());
            assertFalse(sender.drainOnce().error() == null, "platform still down");
            assertEquals(180, sender.lag().backlog());

            platform = ReferencePlatform.start(port, platformDir, true);
            sender.start();
            try {
                assertTrue(sender.awaitDrained(Duration.ofSeconds(30)));
            } finally {
                sender.close();
            }
            assertEquals(180, platform.eventCount(), "each unit exactly once");
            assertEquals("VERIFIED", platform.codeStatus(codes.get(0).code()).orElseThrow().lastEvent().name());

            CodeRangePuller.PullReport back = puller.pullNow();
            assertEquals(null, back.error());
            assertEquals(200L, back.available().get(SampleData.KETTLE));
            assertTrue(alarms.seen.contains("restored " + SampleData.KETTLE + " 200"), alarms.seen.toString());

            DailyQuantityReporter reporter = new DailyQuantityReporter(db, client, ZONE);
            LocalDate today = LocalDate.now(ZONE);
            assertEquals(Map.of(SampleData.KETTLE, (long) verified), reporter.count(today));
            reporter.report(today, List.of(SampleData.HELMET));
            assertEquals(verified, platform.dailyQuantity(SampleData.KETTLE, today).orElseThrow().quantity());
            assertEquals(0, platform.dailyQuantity(SampleData.HELMET, today).orElseThrow().quantity());
            assertEquals(160, verified);
            proxy.assertConforms();
        } finally {
            platform.close();
        }
    }

    /** What the line writes when it starts a job (store V2 job_details), so events carry the product. */
    static void insertJobDetails(Database db, CodeLedger ledger, String job, String product, int quantity) {
        ledger.createJob(job, TraceLevel.ITEM, quantity, "op");
        db.inTransaction(conn -> {
            try (var ps = conn.prepareStatement("INSERT OR IGNORE INTO producers VALUES ('PR', 'x', 'x', 'x', 'x', 'x')")) {
                ps.executeUpdate();
            }
            try (var ps = conn.prepareStatement("INSERT OR IGNORE INTO products(id, producer_id, name, type, specification,"
                    + " mandatory_standard, inspection_report) VALUES (?, 'PR', 'x', 'x', 'x', 'x', 'x')")) {
                ps.setString(1, product);
                ps.executeUpdate();
            }
            try (var ps = conn.prepareStatement("INSERT INTO job_details(job_id, product_id, batch, production_date, scheme,"
                    + " template, printer, scanner, minimum_grade, started_by) VALUES (?, ?, 'B1', '2025-06-01', 'gs1',"
                    + " 't', 'p', 's', 'C', 'op')")) {
                ps.setString(1, job);
                ps.setString(2, product);
                ps.executeUpdate();
            }
            return null;
        });
    }
}

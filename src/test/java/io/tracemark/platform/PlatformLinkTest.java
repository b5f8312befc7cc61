package io.tracemark.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.contract.ContractProxy;
import io.tracemark.contract.OpenApiContract;
import io.tracemark.core.CodeState;
import io.tracemark.ledger.AllocatedCode;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.Unit;
import io.tracemark.platform.reference.ReferencePlatform;
import io.tracemark.platform.reference.ReferencePlatformOptions;
import io.tracemark.platform.reference.SampleData;
import io.tracemark.platform.wire.CodeRequestStatus;
import io.tracemark.platform.wire.DailyQuantity;
import io.tracemark.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The platform link's parts for {@code run}: pending requests, returns at batch end, the daily schedule, backoff. */
class PlatformLinkTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;
    ReferencePlatform platform;
    ContractProxy proxy;
    PlatformClient client;

    @BeforeEach
    void start() {
        startPlatform(0, ReferencePlatformOptions.demo().withAutoAudit(false));
    }

    private void startPlatform(int port, ReferencePlatformOptions options) {
        platform = ReferencePlatform.start(port, dir.resolve("platform"), options);
        platform.useSequentialSerials(SampleData.KETTLE); // these tests expand intervals
        if (proxy == null) {
            proxy = new ContractProxy(OpenApiContract.platform(), platform.baseUrl(), HttpPlatformClient.API_PATH);
            client = new HttpPlatformClient(proxy.uri(), platform.stationToken(), Duration.ofSeconds(10));
        }
    }

    @AfterEach
    void stop() {
        proxy.close();
        platform.close();
    }

    @Test
    void aCodeRequestWaitingForAuditIsRememberedAcrossARestartAndNotAskedTwice() {
        PullerSettings settings = PullerSettings.of(Map.of(SampleData.KETTLE, 100L));
        try (Database db = Database.open(dir.resolve("station"))) {
            CodeRangePuller puller = puller(db, settings);
            assertEquals(CodeRequestStatus.PENDING_AUDIT, puller.pullNow().requested().get(0).status());
        }
        try (Database db = Database.open(dir.resolve("station"))) { // the station restarts
            CodeRangePuller puller = puller(db, settings);
            assertEquals(List.of(), puller.pullNow().requested(), "the pending request covers the shortfall");
            assertEquals(1, platform.codeRequests(CodeRequestStatus.PENDING_AUDIT).size());
            platform.audit(platform.codeRequests(CodeRequestStatus.PENDING_AUDIT).get(0).id(), true, "王工", null);
            CodeRangePuller.PullReport after = puller.pullNow();
            assertEquals(1, after.imported().size());
            assertEquals(List.of(), new StoredCodeRequests(db, Clock.systemUTC()).all().stream().toList());
        }
        proxy.assertConforms();
    }

    private CodeRangePuller puller(Database db, PullerSettings settings) {
        return new CodeRangePuller(client, new LedgerCodeStock(new CodeLedger(db), db,
                ReferencePlatform.stationSchemes()), settings, new PlatformListener() { },
                new StoredCodeRequests(db, Clock.systemUTC()));
    }

    @Test
    void unusedCodesGoBackAtBatchEndAndAReturnThePlatformMissedIsSentAgain() {
        List<String> codes = activated(20);
        try (Database db = Database.open(dir.resolve("station"))) {
            CodeLedger ledger = new CodeLedger(db);
            new LedgerCodeStock(ledger, db, ReferencePlatform.stationSchemes()).importRange(SampleData.KETTLE, "R1", "gs1", codes);
            StationPlatformTest.insertJobDetails(db, ledger, "line-1-20261201-01A", SampleData.KETTLE, 10);
            List<AllocatedCode> allocated = ledger.allocate("line-1-20261201-01A", 10, "gs1", "op");
            for (Unit u : ledger.markSent("line-1-20261201-01A", List.of(allocated.get(0).code(), allocated.get(1).code()), "op")) {
                ledger.verify(u.id(), "A", "op");
            }
            assertEquals(8, ledger.releaseUnused("line-1-20261201-01A", "op"));
            UnusedCodeReturns returns = new UnusedCodeReturns(db, ledger, client, "line-1", Clock.systemUTC(),
                    Duration.ofMinutes(1), new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), 0.2, 1));

            int port = platform.port();
            platform.close(); // the platform is away when the batch ends
            Map<String, List<String>> back = returns.batchEnded("line-1-20261201-01A");
            assertEquals(8, back.get(SampleData.KETTLE).size());
            assertEquals(CodeState.RETURNED, ledger.codeState(allocated.get(9).code()).orElseThrow(),
                    "RETURNED at the station first: never allocated again");
            assertEquals(10, ledger.countCodes(CodeState.AVAILABLE), "the 10 never allocated stay in the buffer");
            assertEquals(1, returns.unconfirmed().size());

            startPlatform(port, ReferencePlatformOptions.demo().withAutoAudit(false));
            assertEquals(1, returns.sendPending());
            assertEquals(List.of(), returns.unconfirmed());
            assertTrue(client.codeStatus(allocated.get(9).code()).returned());
            assertFalse(client.codeStatus(allocated.get(0).code()).returned(), "a printed code is not returned");
            assertEquals(Map.of(), returns.batchEnded("line-1-20261201-01A"), "a second batch end returns nothing more");
        }
        proxy.assertConforms();
    }

    @Test
    void theDailyQuantityCatchesUpTheDaysTheStationWasOffInItsTimeZone() {
        List<String> codes = activated(10);
        MovableClock clock = new MovableClock(Instant.parse("2026-12-01T15:30:00Z")); // 23:30 in Shanghai, Dec 1
        try (Database db = Database.open(dir.resolve("station"))) {
            CodeLedger ledger = new CodeLedger(db, db, clock);
            new LedgerCodeStock(ledger, db, ReferencePlatform.stationSchemes()).importRange(SampleData.KETTLE, "R1", "gs1", codes);
            StationPlatformTest.insertJobDetails(db, ledger, "line-1-20261201-01A", SampleData.KETTLE, 10);
            List<AllocatedCode> allocated = ledger.allocate("line-1-20261201-01A", 10, "gs1", "op");
            List<Unit> units = ledger.markSent("line-1-20261201-01A", allocated.stream().map(AllocatedCode::code).toList(), "op");
            for (int i = 0; i < 6; i++) {
                ledger.verify(units.get(i).id(), "A", "op");
            }
            clock.set(Instant.parse("2026-12-01T16:10:00Z")); // 00:10 on Dec 2 in Shanghai, still Dec 1 in UTC
            for (int i = 6; i < 10; i++) {
                ledger.verify(units.get(i).id(), "A", "op");
            }
            DailyQuantityReporter reporter = new DailyQuantityReporter(db, client, ZONE, "line-1");
            Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), 0.2, 1);
            clock.set(Instant.parse("2026-12-04T01:00:00Z")); // the station was off; it starts on Dec 4
            DailyQuantitySchedule schedule = new DailyQuantitySchedule(reporter, db, clock, ZONE,
                    () -> List.of(SampleData.KETTLE), 7, Duration.ofMinutes(10), backoff);
            List<DailyQuantity> first = schedule.runDue();
            assertEquals(6, quantity(LocalDate.of(2026, 12, 1)));
            assertEquals(4, quantity(LocalDate.of(2026, 12, 2)), "the units after local midnight count for Dec 2");
            assertEquals(0, quantity(LocalDate.of(2026, 12, 3)));
            assertEquals(0, quantity(LocalDate.of(2026, 12, 4)), "today so far");
            assertTrue(first.stream().anyMatch(q -> q.day().equals(LocalDate.of(2026, 11, 27))), "seven days back");

            List<DailyQuantity> again = schedule.runDue();
            assertEquals(List.of(LocalDate.of(2026, 12, 4)), again.stream().map(DailyQuantity::day).distinct().toList(),
                    "finished days are not reported again, across restarts too: the days live in the database");
            clock.set(Instant.parse("2026-12-04T16:05:00Z")); // past midnight: Dec 4 is final now
            List<LocalDate> days = new DailyQuantitySchedule(reporter, db, clock, ZONE, () -> List.of(SampleData.KETTLE),
                    7, Duration.ofMinutes(10), backoff).runDue().stream().map(DailyQuantity::day).distinct().toList();
            assertEquals(List.of(LocalDate.of(2026, 12, 4), LocalDate.of(2026, 12, 5)), days);
        }
        proxy.assertConforms();
    }

    @Test
    void aFailingBackgroundTaskBacksOffInsteadOfSpinning() throws Exception {
        List<Long> attempts = new CopyOnWriteArrayList<>();
        CountDownLatch four = new CountDownLatch(4);
        BackgroundTask task = new BackgroundTask("test-task", () -> {
            attempts.add(System.nanoTime());
            four.countDown();
            throw new PlatformException(PlatformException.Kind.UNREACHABLE, 0, "platform away", List.of(), null);
        }, Duration.ofMillis(10), new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5), 0.0, 1),
                org.slf4j.LoggerFactory.getLogger(PlatformLinkTest.class), Clock.systemUTC());
        task.start();
        try {
            assertTrue(four.await(30, TimeUnit.SECONDS));
        } finally {
            task.close();
        }
        for (int i = 1; i < 4; i++) {
            long gapMillis = TimeUnit.NANOSECONDS.toMillis(attempts.get(i) - attempts.get(i - 1));
            long backoff = 100L << (i - 1);
            assertTrue(gapMillis >= backoff - 5, "attempt " + i + " after " + gapMillis + " ms, backoff " + backoff);
        }
    }

    /** Codes of a range activated (and audited) on the platform, not yet pulled by any station. */
    private List<String> activated(int n) {
        return platform.activateRange(SampleData.KETTLE, n).pattern().expand();
    }

    private long quantity(LocalDate day) {
        return platform.dailyQuantity(SampleData.KETTLE, day).orElseThrow().quantity();
    }

    /** A clock a test moves by hand. */
    static final class MovableClock extends Clock {
        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void set(Instant value) {
            now = value;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return Clock.fixed(now, zone);
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}

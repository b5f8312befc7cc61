package io.tracemark.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.contract.ContractProxy;
import io.tracemark.contract.OpenApiContract;
import io.tracemark.ledger.AllocatedCode;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.Unit;
import io.tracemark.platform.reference.ReferencePlatform;
import io.tracemark.platform.reference.SampleData;
import io.tracemark.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Event keys and daily quantities of two stations of one producer, and of a station whose
 * database was replaced, never collide on one reference platform: every unit's event is stored,
 * and the day's quantity is the sum of what each counted.
 */
class StationIdentityTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;
    ReferencePlatform platform;
    ContractProxy proxy;
    PlatformClient client;
    List<String> codes;

    @BeforeEach
    void start() {
        platform = ReferencePlatform.start(0, dir.resolve("platform"), true);
        platform.useSequentialSerials(SampleData.KETTLE); // these tests expand intervals
        proxy = new ContractProxy(OpenApiContract.platform(), platform.baseUrl(), HttpPlatformClient.API_PATH);
        client = new HttpPlatformClient(proxy.uri(), platform.stationToken(), Duration.ofSeconds(10));
        codes = platform.activateRange(SampleData.KETTLE, 90).pattern().expand();
    }

    @AfterEach
    void stop() {
        proxy.close();
        platform.close();
    }

    @Test
    void twoStationsAndAReplacedDatabaseKeepEveryEventAndAddUpTheirDailyQuantities() throws Exception {
        // job ids as the line makes them: <stationId>-<yyyyMMdd>-<time-ordered id>; seq restarts at 1 per job
        runStation("line-1", dir.resolve("line-1"), "line-1-20261201-01JDX0A1", codes.subList(0, 30));
        runStation("line-2", dir.resolve("line-2"), "line-2-20261201-01JDX0B7", codes.subList(30, 60));
        // line-1's disk is replaced: a fresh station.db, a new job whose units are numbered from 1 again
        runStation("line-1", dir.resolve("line-1-replaced"), "line-1-20261201-01JDX0F3", codes.subList(60, 90));

        assertEquals(90, platform.eventCount(), "every unit's event stored, none taken for a duplicate");
        assertEquals(90, platform.dailyQuantity(SampleData.KETTLE, LocalDate.now(ZONE)).orElseThrow().quantity(),
                "30 + 30 + 30: the replaced database and the other station add up, nothing is overwritten");
        proxy.assertConforms();
    }

    @Test
    void aKeyReusedForOtherUnitsIsRefusedLoudlyAndKeptForRetry() throws Exception {
        runStation("line-1", dir.resolve("old"), "job-20261201-001", codes.subList(0, 10));
        // the old scheme: a replaced database restarts its job numbers, so keys repeat for other codes
        try (Database db = Database.open(dir.resolve("new"))) {
            CodeLedger ledger = new CodeLedger(db);
            verifyAll(db, ledger, "job-20261201-001", codes.subList(10, 20));
            OutboxSender sender = sender(db, ledger, "line-1");
            OutboxSender.Round round = sender.drainOnce();
            assertTrue(round.error().contains("HTTP 409") && round.error().contains("line-1/unit-verdict/job-20261201-001/1"),
                    round.error());
            assertEquals(10, sender.lag().backlog(), "nothing is marked sent: the events wait, visible in the status");
        }
        assertEquals(10, platform.eventCount());
        proxy.assertConforms();
    }

    private void runStation(String stationId, Path data, String jobId, List<String> jobCodes) throws Exception {
        try (Database db = Database.open(data)) {
            CodeLedger ledger = new CodeLedger(db);
            verifyAll(db, ledger, jobId, jobCodes);
            OutboxSender sender = sender(db, ledger, stationId);
            while (sender.lag().backlog() > 0) {
                OutboxSender.Round r = sender.drainOnce();
                assertEquals(null, r.error());
                assertEquals(List.of(), r.refused());
            }
            new DailyQuantityReporter(db, client, ZONE, stationId).report(LocalDate.now(ZONE), List.of());
        }
    }

    private OutboxSender sender(Database db, CodeLedger ledger, String stationId) {
        return new OutboxSender(db, ledger.outbox(), client, new JobProducts(db), OutboxSenderTest.fast(50),
                Clock.systemUTC(), stationId);
    }

    /** Imports the codes, runs a job that prints and verifies each of them. */
    private static void verifyAll(Database db, CodeLedger ledger, String jobId, List<String> jobCodes) {
        new LedgerCodeStock(ledger, db, ReferencePlatform.stationSchemes())
                .importRange(SampleData.KETTLE, "R-" + jobId, "gs1", jobCodes);
        StationPlatformTest.insertJobDetails(db, ledger, jobId, SampleData.KETTLE, jobCodes.size());
        List<AllocatedCode> allocated = ledger.allocate(jobId, jobCodes.size(), "gs1", "op");
        for (Unit u : ledger.markSent(jobId, allocated.stream().map(AllocatedCode::code).toList(), "op")) {
            ledger.verify(u.id(), "A", "op");
        }
    }
}

package io.tracemark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.TraceLevel;
import io.tracemark.ledger.AllocatedCode;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.records.archive.ArchiveSchedule;
import io.tracemark.records.archive.Archives;
import io.tracemark.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The station's archive schedule moves the due months out while a job keeps sending and verifying units. */
class ArchiveScheduleTest {

    @TempDir
    Path dir;

    @Test
    void scheduledRunsArchiveWhileTheLineWrites() throws Exception {
        Path data = dir.resolve("data");
        ArchiveCommandsTest.fill(data);
        try (Database db = Database.open(data)) {
            CodeLedger ledger = new CodeLedger(db);
            ledger.createJob("RUNNING", TraceLevel.ITEM, 200, "tester");
            List<AllocatedCode> codes = ledger.allocate("RUNNING", 200, "line");
            List<String> alarms = new ArrayList<>();
            CompletableFuture<Integer> line = CompletableFuture.supplyAsync(() -> {
                int sent = 0;
                for (AllocatedCode code : codes) {
                    ledger.verify(ledger.markSent("RUNNING", code.code(), "line").id(), "A", "camera");
                    sent++;
                }
                return sent;
            });
            try (ArchiveSchedule schedule = new ArchiveSchedule(db, Duration.ofDays(90), Duration.ofMillis(50),
                    Clock.systemUTC(), (folder, reason) -> alarms.add(reason)).start()) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (Archives.archivedJobs(db).size() < 3 && System.nanoTime() < deadline) {
                    Thread.onSpinWait();
                }
                assertEquals(3, Archives.archivedJobs(db).size(), "status: " + schedule.status());
                assertTrue(alarms.isEmpty(), alarms.toString());
            }
            assertEquals(200, line.get(60, TimeUnit.SECONDS));
            assertTrue(ledger.reconcile("RUNNING").balanced());
            assertEquals(210, db.count("SELECT count(*) FROM units"), "JNOW's 10 and RUNNING's 200 units stay live");
        }
    }
}

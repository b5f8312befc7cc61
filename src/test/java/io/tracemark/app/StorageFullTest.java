package io.tracemark.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.ledger.Reconciliation;
import io.tracemark.line.Alarm;
import io.tracemark.line.LineSnapshot;
import io.tracemark.line.PackMlState;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The disk fills up during a run (SQLite's page limit makes every write fail with SQLITE_FULL): the line
 * aborts with an alarm that says what to do, the panel's reads keep answering, and once space is back
 * the job is resumed and the books balance.
 */
class StorageFullTest {

    @TempDir
    Path dir;

    @Test
    void diskFullDuringARunAbortsWithAnAlarmAndTheJobResumesWhenSpaceIsBack() {
        try (LineRig rig = new LineRig(dir, "", LineRig.quick(), 600)) {
            rig.line.start(LineRig.job(150), "tester");
            rig.awaitThat("10 verified", () -> rig.line.snapshot().counters().verified() >= 10);
            long pages = rig.db.count("PRAGMA page_count");
            rig.db.inTransaction(conn -> conn.createStatement().execute("PRAGMA max_page_count = " + pages));

            PackMlState stopped = rig.awaitState(PackMlState.ABORTED);
            LineSnapshot snapshot = rig.line.snapshot();
            assertEquals(PackMlState.ABORTED, stopped);
            List<Alarm> storage = snapshot.alarms().stream().filter(a -> a.cause().equals("storage.failed")).toList();
            assertTrue(!storage.isEmpty(), "a storage alarm: " + snapshot.alarms());
            assertTrue(storage.get(0).detail().contains("Free disk space"), storage.get(0).detail());

            rig.db.inTransaction(conn -> conn.createStatement().execute("PRAGMA max_page_count = 1073741823"));
            for (Alarm alarm : rig.line.snapshot().alarms()) {
                rig.line.acknowledgeAlarm(alarm.id(), "tester");
            }
            rig.line.restart("tester");
            rig.awaitState(PackMlState.COMPLETE);
            rig.line.endBatch("tester");
            Reconciliation r = rig.assertBooksHold();
            assertEquals(150, r.verified());
        }
    }
}

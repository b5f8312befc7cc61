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

    @Test
    void aRejectThatCannotBeWrittenStillFiresTheGateAndStopsTheLine() {
        try (LineRig rig = new LineRig(dir, "camera.defectRate=1.0", LineRig.quick().withConsecutiveRejectLimit(50),
                600)) {
            // only REJECTED verdicts fail to be written (as a full disk would fail them)
            rig.db.inTransaction(conn -> conn.createStatement().execute("CREATE TRIGGER reject_fails BEFORE UPDATE "
                    + "ON units WHEN NEW.state = 'REJECTED' BEGIN SELECT RAISE(ABORT, 'disk I/O error (test)'); END"));
            rig.line.start(LineRig.job(50), "tester");
            rig.awaitState(PackMlState.ABORTED);
            List<Alarm> alarms = rig.line.snapshot().alarms();
            assertTrue(alarms.stream().anyMatch(a -> a.cause().equals("storage.failed")
                    && a.detail().contains("REJECTED") && a.detail().contains("rejected by the gate")), alarms.toString());
            assertTrue(!rig.sim.gate().fired().isEmpty(), "the unit was thrown out although its reject was not written");
            long firstThrownOut = rig.sim.gate().fired().get(0);
            assertEquals("VOIDED", rig.db.read(conn -> {
                try (var ps = conn.prepareStatement("SELECT state FROM units WHERE id = ?")) {
                    ps.setLong(1, firstThrownOut);
                    try (var rs = ps.executeQuery()) {
                        return rs.next() ? rs.getString(1) : "none";
                    }
                }
            }), "the unit is voided with the units in flight, never left SENT or VERIFIED");
            assertEquals(0, rig.db.count("SELECT count(*) FROM units WHERE state IN ('VERIFIED', 'REJECTED')"));
            assertTrue(rig.sim.ledger().reconcile(rig.jobId()).balanced());
        }
    }
}

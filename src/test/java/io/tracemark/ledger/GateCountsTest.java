package io.tracemark.ledger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.store.AuditLog;
import io.tracemark.store.Database;
import java.nio.file.Path;
import java.time.Clock;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The PLC reject counts per job and gate in a real SQLite file: segments, the 16-bit wrap, unknown readings. */
class GateCountsTest {

    @TempDir
    Path dir;

    @Test
    void aSuspendedJobCountsOnlyItsOwnTimesOnTheLine() {
        try (Database db = Database.open(dir)) {
            GateCounts counts = new GateCounts(db, new AuditLog(db), Clock.systemUTC());
            counts.opened("A", "g", OptionalLong.of(10));
            counts.fired("A", "g");
            counts.fired("A", "g");
            counts.left("A", "g", OptionalLong.of(12));
            counts.opened("B", "g", OptionalLong.of(12));
            counts.fired("B", "g");
            counts.left("B", "g", OptionalLong.of(20)); // B's PLC fired 8 times for 1 fire of the station
            counts.opened("A", "g", OptionalLong.of(20));
            counts.fired("A", "g");
            GateCount open = counts.of("A").get(0);
            assertFalse(open.ended() || open.matches(), "not ended yet: " + open.describe());
            GateCount a = counts.closed("A", "g", OptionalLong.of(21), null);
            assertEquals(3, a.stationFires());
            assertEquals(3, a.plcRejects().getAsLong(), "(12 - 10) + (21 - 20): B's pulses are not A's");
            assertTrue(a.matches(), a.describe());
            GateCount b = counts.closed("B", "g", OptionalLong.empty(), null);
            assertEquals(8, b.plcRejects().getAsLong(), "its one segment closed when A came back");
            assertEquals("gate g: station fired 1, PLC counted 8, MISMATCH: 7 reject(s) the station did not command;"
                    + " units may have been rejected without a verdict", b.describe());
            assertEquals(2, db.count("SELECT count(*) FROM audit_log WHERE action = 'job.gateCount'"),
                    "each job's end is in the audit log");
        }
    }

    @Test
    void theCounterWrapsAt65536AndAReopenedSegmentKeepsItsFirstReading() {
        try (Database db = Database.open(dir)) {
            GateCounts counts = new GateCounts(db, new AuditLog(db), Clock.systemUTC());
            counts.opened("A", "g", OptionalLong.of(65534));
            counts.fired("A", "g");
            counts.opened("A", "g", OptionalLong.of(65535)); // the station restarted: the first reading stands
            counts.fired("A", "g");
            counts.fired("A", "g");
            GateCount a = counts.closed("A", "g", OptionalLong.of(1), null);
            assertEquals(3, a.plcRejects().getAsLong(), "65534 -> 65535 -> 0 -> 1");
            assertTrue(a.matches(), a.describe());
        }
    }

    @Test
    void aReadingThatCouldNotBeTakenMakesTheCountUnknownNotZero() {
        try (Database db = Database.open(dir)) {
            GateCounts counts = new GateCounts(db, new AuditLog(db), Clock.systemUTC());
            counts.opened("A", "g", OptionalLong.of(5));
            counts.fired("A", "g");
            GateCount a = counts.closed("A", "g", OptionalLong.empty(), "gate g - read counter failed");
            assertTrue(a.plcRejects().isEmpty());
            assertFalse(a.matches());
            assertEquals("gate g: station fired 1, PLC count not known (gate g - read counter failed)", a.describe());
            counts.opened("C", "g", OptionalLong.empty());
            GateCount c = counts.closed("C", "g", OptionalLong.of(9), null);
            assertTrue(c.plcRejects().isEmpty(), "no start reading: " + c.describe());
            assertTrue(c.describe().contains("could not be read while the job was on the line"), c.describe());
        }
    }
}

package io.tracemark.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.StorageException;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.store.Database;
import io.tracemark.store.Marks;
import io.tracemark.store.Witness;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WitnessTest {

    @TempDir
    Path dir;

    @Test
    void everyCommitMovesTheWitnessWithTheLedger() {
        try (Database db = Database.open(dir)) {
            CodeLedger ledger = new CodeLedger(db);
            LedgerFixture.importCodes(ledger, 1, 100);
            LedgerFixture.runJob(ledger, "J1", 7, false);
            Marks onDisk = Witness.read(Witness.file(dir)).orElseThrow();
            assertEquals(db.marks(), onDisk);
            assertEquals(7, onDisk.units());
            assertEquals(7L, onDisk.jobSent().get("J1"));
            assertEquals("J1", onDisk.lastJob());
            assertEquals(db.count("SELECT max(id) FROM outbox"), onDisk.outbox());
            assertEquals(db.count("SELECT max(id) FROM transitions"), onDisk.transitions());
            assertEquals(db.count("SELECT max(id) FROM audit_log"), onDisk.audit());
        }
    }

    @Test
    void aTornSlotLeavesTheMarksWrittenBeforeIt() throws Exception {
        Marks older;
        try (Database db = Database.open(dir)) {
            CodeLedger ledger = new CodeLedger(db);
            LedgerFixture.importCodes(ledger, 1, 100);
            LedgerFixture.runJob(ledger, "J1", 3, false);
            older = db.marks();
            LedgerFixture.runJob(ledger, "J2", 1, false); // the last write: one more commit of marks
        }
        Marks last = Witness.read(Witness.file(dir)).orElseThrow();
        assertTrue(last.units() > older.units());
        // garble the slot written last (the other one holds the marks of the commit before it)
        try (RandomAccessFile f = new RandomAccessFile(Witness.file(dir).toFile(), "rw")) {
            long lastSlot = f.length() > 4096 && slotCounter(f, 4096) > slotCounter(f, 0) ? 4096 : 0;
            f.seek(lastSlot + 20);
            f.write(new byte[] {'x', 'x', 'x'});
        }
        Marks read = Witness.read(Witness.file(dir)).orElseThrow();
        assertTrue(read.units() <= last.units() && read.units() >= older.units(), read + " vs " + last);
        assertTrue(!read.equals(last));
    }

    private static long slotCounter(RandomAccessFile f, long at) throws Exception {
        f.seek(at);
        return f.readLong();
    }

    @Test
    void anOlderFileCopiedBackIsRefusedUntilAPersonAcceptsTheLoss() throws Exception {
        Path older = dir.resolve("older.db");
        try (Database db = Database.open(dir.resolve("data"))) {
            CodeLedger ledger = new CodeLedger(db);
            LedgerFixture.importCodes(ledger, 1, 100);
            LedgerFixture.runJob(ledger, "J1", 5, false);
            db.checkpoint();
            Files.copy(db.file(), older);
            LedgerFixture.runJob(ledger, "J2", 4, false);
        }
        Path data = dir.resolve("data");
        Files.copy(older, data.resolve(Database.FILE_NAME), StandardCopyOption.REPLACE_EXISTING);
        Files.deleteIfExists(data.resolve(Database.FILE_NAME + "-wal"));
        Files.deleteIfExists(data.resolve(Database.FILE_NAME + "-shm"));
        try (Database db = Database.open(data)) {
            assertTrue(db.refusal().isPresent());
            String lost = String.join("\n", db.lost());
            assertTrue(lost.contains("job J2 had been created"), lost);
            assertTrue(lost.contains("units: 4 missing"), lost);
            StorageException refused = assertThrows(StorageException.class, () -> StartupTrust.require(db));
            assertTrue(refused.getMessage().contains("has gone back in time"), refused.getMessage());
            assertTrue(refused.getMessage().contains("tracemark restore BACKUP --data " + data), refused.getMessage());
            assertTrue(refused.getMessage().contains("accept-loss"), refused.getMessage());
            CodeLedger ledger = new CodeLedger(db);
            // nothing is written, whoever asks: a code of a lost unit would be sent again
            assertThrows(StorageException.class, () -> ledger.createJob("J3", io.tracemark.core.TraceLevel.ITEM, 1, "x"));
            assertEquals(db.lost(), db.acceptLoss("9001", "line restarted by hand"));
            assertTrue(lost.contains("job J2: units 1..4 had been SENT"), lost);
            StartupTrust.require(db);
            assertTrue(db.count("SELECT count(*) FROM audit_log WHERE action = 'ledger.loss-accepted' AND actor = '9001' "
                    + "AND detail LIKE '%J2%'") == 1);
            ledger.createJob("J3", io.tracemark.core.TraceLevel.ITEM, 1, "x");
        }
        try (Database db = Database.open(data)) {
            assertFalse(db.refusal().isPresent());
        }
    }

    @Test
    void aDamagedWitnessIsRefusedNotIgnored() throws Exception {
        try (Database db = Database.open(dir)) {
            LedgerFixture.importCodes(new CodeLedger(db), 1, 10);
        }
        Files.write(Witness.file(dir), new byte[8192]);
        Files.write(Witness.file(dir), "garbage".getBytes(), java.nio.file.StandardOpenOption.APPEND);
        try (Database db = Database.open(dir)) {
            assertTrue(db.refusal().orElseThrow().contains("is damaged"), db.refusal().orElseThrow());
        }
    }
}

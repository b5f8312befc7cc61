package io.tracemark.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracemark.cli.CommandRun;
import io.tracemark.core.TraceLevel;
import io.tracemark.ledger.AllocatedCode;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.Unit;
import io.tracemark.records.backup.BackupFolder;
import io.tracemark.records.backup.BackupManifest;
import io.tracemark.store.Database;
import io.tracemark.store.GroupCommit;
import io.tracemark.store.Marks;
import io.tracemark.store.Witness;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRestoreTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aBackupTakenWhileUnitsAreWrittenIsConsistentVerifiedAndListedWithItsChecksum() throws Exception {
        Path data = dir.resolve("data");
        Path folder = dir.resolve("second-disk");
        Files.createDirectories(folder);
        try (Database db = Database.open(data); GroupCommit group = new GroupCommit(db)) {
            CodeLedger ledger = new CodeLedger(db, group, Clock.systemUTC());
            LedgerFixture.importCodes(ledger, 1, 3_000);
            ledger.createJob("J1", TraceLevel.ITEM, 3_000, "test");
            AtomicBoolean stop = new AtomicBoolean();
            AtomicInteger sent = new AtomicInteger();
            Thread line = new Thread(() -> {
                while (!stop.get() && sent.get() < 2_900) {
                    for (AllocatedCode code : ledger.allocate("J1", 10, "line")) {
                        Unit unit = ledger.markSent("J1", code.code(), "line");
                        ledger.verify(unit.id(), "A", "camera");
                        sent.incrementAndGet();
                    }
                }
            });
            line.start();
            while (sent.get() < 100) {
                line.join(10);
            }
            CommandRun first = CommandRun.run("backup", "now", "--data", data.toString(), "--to", folder.toString(), "--json");
            int sentAfterFirst = sent.get();
            CommandRun second = CommandRun.run("backup", "now", "--data", data.toString(), "--to", folder.toString(),
                    "--keep", "1", "--json");
            stop.set(true);
            line.join();
            assertEquals(0, first.exit(), first.err());
            assertEquals(0, second.exit(), second.err());
            JsonNode taken = JSON.readTree(second.out()).get("backups").get(0);
            assertTrue(taken.get("ok").asBoolean());
            assertEquals(1, taken.get("pruned").size(), "--keep 1 pruned the first backup");
            long units = taken.get("counts").get("units").asLong();
            assertTrue(units >= 100 && units <= sent.get(), units + " units in the copy");
            assertTrue(sentAfterFirst > 100, "the line went on during the first backup");

            List<BackupManifest> listed = new BackupFolder(folder).list();
            assertEquals(1, listed.size());
            BackupManifest manifest = listed.get(0);
            assertEquals(taken.get("sha256").asText(), manifest.sha256());
            assertEquals(Files.size(folder.resolve(manifest.databaseFile())), manifest.bytes());
            // the copy is one snapshot: its books balance at that moment, its marks are its own
            try (Database copy = Database.open(restoredCopy(folder.resolve(manifest.databaseFile())))) {
                assertEquals(units, copy.count("SELECT count(*) FROM units"));
                assertEquals(copy.count("SELECT count(*) FROM outbox"), copy.count("SELECT count(*) FROM units "
                        + "WHERE state <> 'SENT'"), "every verdict in the copy has its event, nothing half there");
                assertEquals(manifest.marks().units(), copy.count("SELECT max(id) FROM units"));
            }
        }
        CommandRun list = CommandRun.run("backup", "list", "--data", data.toString(), "--in", folder.toString(), "--verify");
        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().contains("intact"), list.out());
        // a changed copy no longer matches its checksum
        Path copy = new BackupFolder(folder).databaseOf(new BackupFolder(folder).list().get(0));
        try (RandomAccessFile f = new RandomAccessFile(copy.toFile(), "rw")) {
            f.seek(f.length() / 2);
            f.write(0x5a);
        }
        CommandRun damaged = CommandRun.run("backup", "list", "--data", data.toString(), "--in", folder.toString(), "--verify");
        assertEquals(1, damaged.exit());
        assertTrue(damaged.out().contains("DAMAGED"), damaged.out());
    }

    @Test
    void aReadOnlyOrMissingTargetIsAClearFailureAndLeavesNothing() throws Exception {
        Path data = dir.resolve("data");
        try (Database db = Database.open(data)) {
            LedgerFixture.importCodes(new CodeLedger(db), 1, 100);
        }
        Path missing = dir.resolve("not-mounted");
        CommandRun none = CommandRun.run("backup", "now", "--data", data.toString(), "--to", missing.toString(), "--json");
        assertEquals(1, none.exit());
        assertTrue(none.out().contains("backup folder " + missing + " does not exist"), none.out());

        Path readOnly = dir.resolve("read-only");
        Files.createDirectories(readOnly);
        ReadOnlyDataTest.readOnly(readOnly, true);
        try {
            CommandRun refused = CommandRun.run("backup", "now", "--data", data.toString(), "--to", readOnly.toString());
            assertEquals(1, refused.exit());
            assertTrue(refused.out().contains("FAILED " + readOnly + ": backup folder " + readOnly + " is not writable"),
                    refused.out());
        } finally {
            ReadOnlyDataTest.readOnly(readOnly, false);
        }
        try (var files = Files.list(readOnly)) {
            assertEquals(0, files.count());
        }
    }

    /** A backup copy in a directory of its own, as station.db, to open it like a station database. */
    private Path restoredCopy(Path copy) throws Exception {
        Path d = Files.createTempDirectory(dir, "copy");
        Files.copy(copy, d.resolve(Database.FILE_NAME));
        return d;
    }

    @Test
    void aDamagedStationIsRestoredFromItsBackupAndRunsAJobThatBalances() throws Exception {
        Path data = dir.resolve("data");
        CommandRun first = CommandRun.run("demo", "--units", "20", "--exit-when-done", "--json", "--data", data.toString());
        assertEquals(0, first.exit(), first.err());
        CommandRun backup = CommandRun.run("backup", "now", "--data", data.toString(), "--json");
        assertEquals(0, backup.exit(), backup.err());
        String file = JSON.readTree(backup.out()).get("backups").get(0).get("file").asText();
        Marks backedUp = Witness.read(Witness.file(data)).orElseThrow();

        garble(data.resolve(Database.FILE_NAME));
        CommandRun refused = CommandRun.run("demo", "--units", "20", "--exit-when-done", "--json", "--data", data.toString());
        assertEquals(2, refused.exit());
        assertTrue(refused.err().contains("is damaged"), refused.err());

        // not while a station holds the directory
        try (StationLock running = StationLock.take(data, "start the station")) {
            CommandRun busy = CommandRun.run("restore", file, "--data", data.toString());
            assertEquals(2, busy.exit());
            assertTrue(busy.err().contains("cannot restore: a station is running on " + data), busy.err());
        }
        CommandRun restored = CommandRun.run("restore", file, "--data", data.toString(), "--by", "9001", "--json");
        assertEquals(0, restored.exit(), restored.err());
        JsonNode doc = JSON.readTree(restored.out());
        Path replaced = Path.of(doc.get("replacedInto").asText());
        assertTrue(Files.isRegularFile(replaced.resolve(Database.FILE_NAME)), "the damaged file is kept aside");
        assertEquals(0, doc.get("givenUp").size(), "nothing was committed after the backup");
        assertEquals(backedUp.units(), Witness.read(Witness.file(data)).orElseThrow().units());

        CommandRun again = CommandRun.run("demo", "--units", "20", "--exit-when-done", "--json", "--data", data.toString());
        assertEquals(0, again.exit(), again.err());
        JsonNode books = JSON.readTree(again.out());
        assertTrue(books.get("balanced").asBoolean(), again.out());
        assertEquals(0, books.get("duplicates").asLong());
        assertEquals(20, books.get("verified").asLong());
        CommandRun reconcile = CommandRun.run("reconcile", "--data", data.toString());
        assertEquals(0, reconcile.exit(), reconcile.out());
        try (Database db = Database.open(data)) {
            assertEquals(1, db.count("SELECT count(*) FROM audit_log WHERE action = 'backup.restore' AND actor = '9001'"));
            assertFalse(db.refusal().isPresent());
        }
    }

    private static void garble(Path file) throws Exception {
        Random random = new Random(4);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long pages = f.length() / 4096;
            byte[] garbage = new byte[4096];
            for (long p = pages / 2; p < pages / 2 + 4; p++) {
                random.nextBytes(garbage);
                f.seek(p * 4096);
                f.write(garbage);
            }
        }
    }
}

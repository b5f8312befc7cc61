package io.tracemark.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracemark.cli.CommandRun;
import io.tracemark.core.CodeState;
import io.tracemark.core.TraceLevel;
import io.tracemark.ledger.AllocatedCode;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.Reconciliation;
import io.tracemark.ledger.Unit;
import io.tracemark.records.backup.BackupFolder;
import io.tracemark.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After {@code restore}, the codes sent after the backup was taken are QUARANTINED (state, audit, listed in
 * the output) and never sent again: read from the replaced database when it can be, else from its witness.
 */
class RestoreQuarantineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Returns the codes sent after the backup. */
    private List<String> stationWithABackupThenMoreUnits(Path data, Path folder) throws Exception {
        Files.createDirectories(folder);
        try (Database db = Database.open(data)) {
            CodeLedger ledger = new CodeLedger(db);
            LedgerFixture.importCodes(ledger, 1, 100);
            ledger.createJob("J1", TraceLevel.ITEM, 50, "tester");
            List<AllocatedCode> codes = ledger.allocate("J1", 50, "line");
            for (int i = 0; i < 10; i++) {
                ledger.verify(ledger.markSent("J1", codes.get(i).code(), "line").id(), "A", "camera");
            }
        }
        CommandRun backup = CommandRun.run("backup", "now", "--data", data.toString(), "--to", folder.toString());
        assertEquals(0, backup.exit(), backup.err());
        List<String> after = new ArrayList<>();
        try (Database db = Database.open(data)) {
            CodeLedger ledger = new CodeLedger(db);
            for (String code : ledger.allocatedTo("J1").subList(0, 15)) {
                Unit unit = ledger.markSent("J1", code, "line");
                ledger.verify(unit.id(), "A", "camera");
                after.add(code);
            }
        }
        return after;
    }

    @Test
    void codesTheReplacedDatabaseSentAfterTheBackupAreQuarantined() throws Exception {
        Path data = dir.resolve("data");
        Path folder = dir.resolve("backups");
        List<String> sentAfter = stationWithABackupThenMoreUnits(data, folder);
        String copy = folder.resolve(new BackupFolder(folder).list().get(0).databaseFile()).toString();

        CommandRun restored = CommandRun.run("restore", copy, "--data", data.toString(), "--by", "9001", "--json");
        assertEquals(0, restored.exit(), restored.err());
        JsonNode doc = JSON.readTree(restored.out());
        List<String> listed = new ArrayList<>();
        doc.get("quarantined").forEach(c -> listed.add(c.asText()));
        assertEquals(sentAfter, listed, restored.out());
        try (Database db = Database.open(data)) {
            CodeLedger ledger = new CodeLedger(db);
            for (String code : sentAfter) {
                assertEquals(CodeState.QUARANTINED, ledger.codeState(code).orElseThrow());
                assertThrows(RuntimeException.class, () -> ledger.markSent("J1", code, "line"));
            }
            assertEquals(1, db.count("SELECT count(*) FROM audit_log WHERE action = 'codes.quarantine' AND actor = '9001'"));
            List<String> more = ledger.allocate("J1", 40, "line").stream().map(AllocatedCode::code).toList();
            assertTrue(more.stream().noneMatch(sentAfter::contains), "a quarantined code is never allocated again");
            Reconciliation books = ledger.reconcile("J1");
            assertTrue(books.balanced(), books.toString());
        }
    }

    @Test
    void whenTheReplacedDatabaseCannotBeReadItsWitnessDecides() throws Exception {
        Path data = dir.resolve("data");
        Path folder = dir.resolve("backups");
        List<String> sentAfter = stationWithABackupThenMoreUnits(data, folder);
        Files.write(data.resolve(Database.FILE_NAME), new byte[8192]); // the station's file is lost
        Files.deleteIfExists(data.resolve(Database.FILE_NAME + "-wal"));
        String copy = folder.resolve(new BackupFolder(folder).list().get(0).databaseFile()).toString();

        CommandRun restored = CommandRun.run("restore", copy, "--data", data.toString(), "--by", "9001", "--json");
        assertEquals(0, restored.exit(), restored.err());
        List<String> listed = new ArrayList<>();
        JSON.readTree(restored.out()).get("quarantined").forEach(c -> listed.add(c.asText()));
        assertTrue(listed.containsAll(sentAfter), "every code sent after the backup: " + listed);
        assertEquals(40, listed.size(), "J1's 40 codes still allocated in the backup: " + listed);
        try (Database db = Database.open(data)) {
            assertEquals(40, db.count("SELECT count(*) FROM codes WHERE state = 'QUARANTINED'"));
            assertTrue(new CodeLedger(db).reconcile("J1").balanced());
        }
    }
}

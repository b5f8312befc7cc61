package io.tracemark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracemark.app.StationPanel;
import io.tracemark.core.TraceLevel;
import io.tracemark.ledger.AllocatedCode;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.Unit;
import io.tracemark.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code archive run|list|verify|delete} on a real station database: jobs of January 2023 and June 2025
 * move to archive files that reconcile, report and epcis still read; the live database keeps taking jobs;
 * deletion before three years is refused, after it done and audited.
 */
class ArchiveCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    /** Imports codes and runs jobs through the real ledger at the times given (the clock of each job). */
    static void fill(Path data) {
        try (Database db = Database.open(data)) {
            StationPanel.ensureDemoUsers(StationPanel.accounts(db));
            CodeLedger now = new CodeLedger(db);
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                codes.add(String.format("TM%07d", i));
            }
            now.importCodes(codes, "archive test", "tm", code -> Optional.empty(), "tester");
            job(db, "J2301A", "2023-01-10T08:00:00Z", 40, 5);
            job(db, "J2301B", "2023-01-20T08:00:00Z", 30, 0);
            job(db, "J2506", "2025-06-03T08:00:00Z", 20, 2);
            job(db, "JNOW", Instant.now().toString(), 10, 1);
        }
    }

    private static void job(Database db, String id, String at, int units, int rejected) {
        CodeLedger ledger = new CodeLedger(db, db, Clock.fixed(Instant.parse(at), ZoneOffset.UTC));
        ledger.createJob(id, TraceLevel.ITEM, units + 5, "tester");
        int n = 0;
        for (AllocatedCode code : ledger.allocate(id, units + 5, "line")) {
            if (n++ == units) {
                break;
            }
            Unit unit = ledger.markSent(id, code.code(), "line");
            if (n <= rejected) {
                ledger.reject(unit.id(), "grade", "D", "camera");
            } else {
                ledger.verify(unit.id(), "A", "camera");
            }
        }
        ledger.releaseUnused(id, "tester");
    }

    @Test
    void archivedJobsStayReadableAndDeletionWaitsThreeYears() throws Exception {
        Path data = dir.resolve("data");
        fill(data);
        JsonNode before = json(CommandRun.run("reconcile", "--data", data.toString(), "--json"));

        CommandRun run = CommandRun.run("archive", "run", "--data", data.toString(), "--json");
        assertEquals(0, run.exit(), run.err());
        JsonNode result = JSON.readTree(run.out());
        assertEquals(2, result.get("archives").size(), run.out()); // 2023-01 and 2025-06; JNOW is this month
        assertEquals(3, result.get("jobsMoved").asInt());
        assertEquals(90, result.get("unitsMoved").asLong());
        JsonNode first = result.get("archives").get(0);
        assertEquals("2023-01", first.get("month").asText());
        Path file = data.resolve("archive").resolve(first.get("name").asText() + ".db");
        assertTrue(Files.isRegularFile(file));
        assertEquals("r--r--r--", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                "an archive is read-only");
        try (Database db = Database.open(data)) {
            assertTrue(db.refusal().isEmpty(), "the witness still agrees: " + db.refusal());
            assertEquals(10, db.count("SELECT count(*) FROM units"), "only JNOW's units stay live");
        }

        assertEquals(before, json(CommandRun.run("reconcile", "--data", data.toString(), "--json")),
                "every job's accounting is the same, read from its archive");
        CommandRun one = CommandRun.run("reconcile", "--job", "J2301A", "--data", data.toString());
        assertEquals(0, one.exit(), one.err());
        assertTrue(one.out().contains("verified 35 + rejected 5"), one.out());

        CommandRun list = CommandRun.run("archive", "list", "--data", data.toString(), "--json");
        assertEquals(0, list.exit(), list.err());
        assertEquals(2, JSON.readTree(list.out()).get("archives").size());
        CommandRun verify = CommandRun.run("archive", "verify", "--data", data.toString(), "--json");
        assertEquals(0, verify.exit(), verify.out());
        assertTrue(JSON.readTree(verify.out()).get("intact").asBoolean());
        CommandRun audit = CommandRun.run("audit", "verify", "--data", data.toString());
        assertEquals(0, audit.exit(), audit.out() + audit.err());

        Path csv = dir.resolve("J2301A.csv");
        CommandRun report = CommandRun.run("report", "--job", "J2301A", "--csv", csv.toString(), "--data", data.toString());
        assertEquals(0, report.exit(), report.err());
        assertTrue(Files.readString(csv).contains("J2301A"));
        Path epcis = dir.resolve("J2301A.jsonld");
        CommandRun events = CommandRun.run("epcis", "--job", "J2301A", "--out", epcis.toString(), "--data", data.toString(),
                "--json");
        assertEquals(0, events.exit(), events.err());
        assertEquals(40, JSON.readTree(events.out()).get("events").asInt(), events.out());

        CommandRun recall = CommandRun.run("recall", "--code", "TM0000010", "--data", data.toString(), "--json");
        assertEquals(0, recall.exit(), recall.err());
        assertTrue(recall.out().contains("J2301A") && recall.out().contains("TM0000010"),
                "recall reads the archive of J2301A: " + recall.out());

        CommandRun again = CommandRun.run("archive", "run", "--data", data.toString());
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().contains("nothing to archive"), again.out());

        CommandRun young = CommandRun.run("archive", "delete", "--before", "2025-07", "--by", "9001", "--reason", "space",
                "--data", data.toString());
        assertEquals(2, young.exit());
        assertTrue(young.err().contains("kept at least 3 years") && young.err().contains("2028-07-01"), young.err());
        CommandRun notAdmin = CommandRun.run("archive", "delete", "--before", "2023-02", "--by", "2001", "--reason",
                "space", "--data", data.toString());
        assertEquals(2, notAdmin.exit());
        assertTrue(notAdmin.err().contains("only an administrator"), notAdmin.err());
        assertTrue(Files.exists(file));

        CommandRun delete = CommandRun.run("archive", "delete", "--before", "2023-02", "--by", "9001", "--reason",
                "retention of 3 years passed", "--data", data.toString(), "--json");
        assertEquals(0, delete.exit(), delete.err());
        assertEquals(1, JSON.readTree(delete.out()).get("deleted").size());
        assertFalse(Files.exists(file));
        JsonNode listed = JSON.readTree(CommandRun.run("archive", "list", "--data", data.toString(), "--json").out());
        assertEquals("9001", listed.get("archives").get(0).get("deletedBy").asText());
        try (Database db = Database.open(data)) {
            assertEquals(1, db.count("SELECT count(*) FROM audit_log WHERE action = 'records.archive-deleted' AND actor = '9001'"));
        }
        assertEquals(0, CommandRun.run("archive", "verify", "--data", data.toString()).exit());
        CommandRun gone = CommandRun.run("reconcile", "--job", "J2301A", "--data", data.toString());
        assertEquals(2, gone.exit());
        assertTrue(gone.err().contains("deleted by 9001"), gone.err());
    }

    @Test
    void aChangedArchiveFailsVerify() throws Exception {
        Path data = dir.resolve("data");
        fill(data);
        CommandRun run = CommandRun.run("archive", "run", "--data", data.toString(), "--json");
        assertEquals(0, run.exit(), run.err());
        Path file = data.resolve("archive").resolve(JSON.readTree(run.out()).get("archives").get(0).get("name").asText() + ".db");
        file.toFile().setWritable(true);
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 100] ^= 1;
        Files.write(file, bytes);
        CommandRun verify = CommandRun.run("archive", "verify", "--data", data.toString());
        assertEquals(1, verify.exit());
        assertTrue(verify.out().contains("NOT INTACT") && verify.out().contains("SHA-256"), verify.out());
    }

    private static JsonNode json(CommandRun run) throws Exception {
        return JSON.readTree(run.out());
    }
}

package io.tracemark.cli;

import static io.tracemark.cli.CommandRun.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tracemark.core.TraceLevel;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.Unit;
import io.tracemark.store.Database;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerCommandsTest {

    /** GTIN-13 with correct check digits (GS1 worked examples and computed ones). */
    private static final String GTINS = "6901234567892\r\n4006381333931\r\n";

    @TempDir
    Path dir;

    @Test
    void importValidatesUnderTheSchemeAndReportsAReimport() throws IOException {
        Path file = Files.writeString(dir.resolve("gtins.txt"), "\uFEFF" + GTINS);
        String data = dir.resolve("data").toString();
        CommandRun first = run("codes", "import", file.toString(), "--scheme", "gtin", "--data", data, "--json");
        assertEquals(0, first.exit(), first.err());
        JsonNode doc = JsonOutput.mapper().readTree(first.out());
        assertEquals("imported", doc.get("status").asText());
        assertEquals(2, doc.get("codes").asInt());

        CommandRun again = run("codes", "import", file.toString(), "--scheme", "gtin", "--data", data);
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().startsWith("already imported: "), again.out());
        assertTrue(again.out().contains("nothing changed"), again.out());
    }

    @Test
    void aBadPackageExitsTwoListingEveryBadLineAndImportsNothing() throws IOException {
        Path file = Files.writeString(dir.resolve("bad.csv"), "batch,code\nL1,6901234567892\nL2,6901234567893\nL3,6901234567892\n");
        Path data = dir.resolve("data");
        CommandRun r = run("codes", "import", file.toString(), "--scheme", "gtin", "--data", data.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().startsWith("error: code package bad.csv (scheme gtin): 2 problems"), r.err());
        assertTrue(r.err().contains("line 3: invalid: check digit should be 2"), r.err());
        assertTrue(r.err().contains("line 4: duplicate of line 2"), r.err());
        try (Database db = Database.open(data)) {
            assertEquals(0, db.count("SELECT count(*) FROM codes"));
        }
        CommandRun unknown = run("codes", "import", file.toString(), "--scheme", "nope", "--data", data.toString());
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("unknown code scheme 'nope'"), unknown.err());
        CommandRun opaque = run("codes", "import", file.toString(), "--scheme", "zsm", "--opaque", "zsm=[0-9]{13}",
                "--data", data.toString());
        assertEquals(2, opaque.exit(), "the duplicate is still refused");
        assertTrue(opaque.err().contains("1 problem: line 4: duplicate of line 2"), opaque.err());
    }

    @Test
    void reconcilePrintsEachJobAndExitsOneWhenAJobDoesNotBalance() throws IOException {
        Path data = dir.resolve("data");
        try (Database db = Database.open(data)) {
            CodeLedger ledger = new CodeLedger(db);
            ledger.importCodes(java.util.List.of("A1", "A2", "A3"), "t", "opaque", c -> java.util.Optional.empty(), "t");
            ledger.createJob("J1", TraceLevel.ITEM, 3, "t");
            ledger.allocate("J1", 3, "t");
            Unit unit = ledger.markSent("J1", "A1", "t");
            ledger.verify(unit.id(), "A", "t");
            ledger.createJob("J2", TraceLevel.BATCH, 5, "t");
        }
        CommandRun one = run("reconcile", "--job", "J1", "--data", data.toString(), "--json");
        assertEquals(0, one.exit(), one.err());
        JsonNode j1 = JsonOutput.mapper().readTree(one.out());
        assertEquals("J1", j1.get("job").asText());
        assertEquals(3, j1.get("allocated").asInt());
        assertEquals(1, j1.get("sent").asInt());
        assertEquals(1, j1.get("verified").asInt());
        assertEquals(2, j1.get("inFlight").asInt());
        assertEquals(0, j1.get("duplicates").asInt());
        assertTrue(j1.has("unitsPerSecond") && j1.has("released") && j1.has("voided") && j1.has("rejected"));

        CommandRun all = run("reconcile", "--data", data.toString(), "--json");
        assertEquals(0, all.exit(), all.err());
        JsonNode array = JsonOutput.mapper().readTree(all.out());
        assertEquals(2, array.size());
        assertEquals("J2", array.get(1).get("job").asText());

        try (Database db = Database.open(data)) {
            db.inTransaction(conn -> {
                try (Statement st = conn.createStatement()) {
                    return st.executeUpdate("DELETE FROM transitions WHERE to_state = 'ALLOCATED' AND code_id = "
                            + "(SELECT id FROM codes WHERE code = 'A3')");
                }
            });
        }
        CommandRun broken = run("reconcile", "--data", data.toString());
        assertEquals(1, broken.exit());
        assertTrue(broken.out().contains("job J1 (ITEM, OPEN): allocated 2 = verified 1"), broken.out());
        assertTrue(broken.out().contains("NOT BALANCED"), broken.out());

        CommandRun missing = run("reconcile", "--data", dir.resolve("nowhere").toString());
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no station database at"), missing.err());
    }

    @Test
    void benchLedgerPrintsItsFiguresAsOneJsonDocument() throws IOException {
        CommandRun r = run("bench", "ledger", "--import", "2000", "--codes", "200", "--workers", "4", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode doc = JsonOutput.mapper().readTree(r.out());
        assertEquals("ledger", doc.get("bench").asText());
        assertEquals(2000, doc.get("importCodes").asInt());
        assertEquals(600, doc.get("transitions").asInt());
        assertTrue(doc.get("transitionsPerSecond").asDouble() > 0);
        assertTrue(doc.get("importPeakHeapMb").asDouble() > 0, doc.toString());
        assertTrue(doc.get("balanced").asBoolean());
        CommandRun noName = run("bench");
        assertEquals(2, noName.exit());
    }
}

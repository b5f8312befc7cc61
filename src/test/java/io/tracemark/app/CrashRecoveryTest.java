package io.tracemark.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracemark.ledger.CodeLedger;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the station at seeded random moments: a child JVM runs {@code demo --data DIR --units 300},
 * is killed ({@link Process#destroyForcibly()}) once the ledger shows K units sent, and is started
 * again on the same data directory, four times; after every kill and every restart the ledger must
 * hold: no code in two states, no code printed or VERIFIED twice, the accounting identity, and every
 * label left in flight by the crash VOIDED as recovered-after-crash. Finally the job completes.
 */
class CrashRecoveryTest {

    private static final int UNITS = 300;
    private static final long DEADLINE_MS = 90_000;

    @TempDir
    Path dir;

    @Test
    void killedStationResumesWithoutDuplicatesOrLostCodes() throws Exception {
        Path data = dir.resolve("data");
        Random random = new Random(20240315);
        List<Long> inFlightAtKill = List.of();
        long sentAtKill = 0;
        for (int kill = 1; kill <= 4; kill++) {
            Process child = startChild(data, kill);
            long target = sentAtKill + 15 + random.nextInt(45);
            awaitSent(data, target, child);
            if (kill > 1) {
                assertRecovered(data, inFlightAtKill);
            }
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
            inFlightAtKill = query(data, "SELECT id FROM units WHERE state = 'SENT'");
            sentAtKill = count(data, "SELECT count(*) FROM units");
            assertBooks(data);
        }
        Process last = startChild(data, 5);
        assertTrue(last.waitFor(DEADLINE_MS, TimeUnit.MILLISECONDS), "last run did not finish in time");
        assertEquals(0, last.exitValue(), "demo exit code; output: " + Files.readString(dir.resolve("out-5.txt")));
        JsonNode doc = new ObjectMapper().readTree(dir.resolve("out-5.json").toFile());
        assertTrue(doc.get("resumed").asBoolean());
        assertTrue(doc.get("balanced").asBoolean(), doc.toString());
        assertEquals(0, doc.get("duplicates").asLong());
        assertEquals(UNITS, doc.get("verified").asLong());
        assertRecovered(data, inFlightAtKill);
        assertBooks(data);
        assertTrue(count(data, "SELECT count(*) FROM units WHERE reason = '" + CodeLedger.RECOVERED_AFTER_CRASH + "'") > 0,
                "some labels were in flight at a kill");
    }

    private Process startChild(Path data, int run) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "io.tracemark.cli.Main", "demo", "--data", data.toString(), "--units", Integer.toString(UNITS),
                "--exit-when-done", "--json", "--seed", "5", "--codes", "1000");
        pb.redirectOutput(dir.resolve("out-" + run + ".json").toFile());
        pb.redirectError(dir.resolve("out-" + run + ".txt").toFile());
        return pb.start();
    }

    /** Waits until the ledger shows {@code n} units sent, polling the SQLite file with a deadline. */
    private void awaitSent(Path data, long n, Process child) throws Exception {
        long deadline = System.currentTimeMillis() + DEADLINE_MS;
        while (count(data, "SELECT count(*) FROM units") < n) {
            if (!child.isAlive()) {
                fail("child ended before " + n + " units were sent: " + Files.readString(dir.resolve("out-1.txt")));
            }
            if (System.currentTimeMillis() > deadline) {
                fail("ledger did not reach " + n + " units sent in time");
            }
            child.waitFor(20, TimeUnit.MILLISECONDS);
        }
    }

    /** Every unit left SENT by the kill is VOIDED as recovered-after-crash once the station restarted. */
    private static void assertRecovered(Path data, List<Long> inFlight) throws SQLException {
        for (long unit : inFlight) {
            List<Long> voided = query(data, "SELECT id FROM units WHERE id = " + unit + " AND state = 'VOIDED' AND reason = '"
                    + CodeLedger.RECOVERED_AFTER_CRASH + "'");
            assertEquals(List.of(unit), voided, "unit " + unit + " in flight at the kill");
        }
    }

    private static void assertBooks(Path data) throws SQLException {
        assertEquals(0, count(data, "SELECT count(*) FROM (SELECT code_id FROM units GROUP BY code_id HAVING count(*) > 1)"),
                "a code printed twice");
        assertEquals(0, count(data, "SELECT count(*) FROM (SELECT code_id FROM units WHERE state = 'VERIFIED' "
                + "GROUP BY code_id HAVING count(*) > 1)"), "a code VERIFIED twice");
        assertEquals(0, count(data, "SELECT count(*) FROM codes c JOIN units u ON u.code_id = c.id WHERE c.state <> u.state"),
                "a code in two states");
        long allocated = count(data, "SELECT count(*) FROM transitions WHERE from_state = 'AVAILABLE' AND to_state = 'ALLOCATED'");
        long released = count(data, "SELECT count(*) FROM transitions WHERE from_state = 'ALLOCATED' AND to_state = 'AVAILABLE'");
        long judged = count(data, "SELECT count(*) FROM units WHERE state IN ('VERIFIED', 'REJECTED', 'VOIDED')");
        long inFlight = count(data, "SELECT count(*) FROM units WHERE state = 'SENT'")
                + count(data, "SELECT count(*) FROM codes WHERE state = 'ALLOCATED'");
        assertEquals(allocated, judged + inFlight + released, "allocated = verified + rejected + voided + in flight + released");
    }

    private static long count(Path data, String sql) throws SQLException {
        List<Long> rows = query(data, sql);
        return rows.isEmpty() ? 0 : rows.get(0);
    }

    private static List<Long> query(Path data, String sql) throws SQLException {
        File db = data.resolve("station.db").toFile();
        List<Long> out = new ArrayList<>();
        if (!db.exists()) {
            return List.of(0L);
        }
        try (Connection conn = DriverManager.getConnection("jdbc:sqlite:file:" + db.getPath() + "?mode=ro");
             Statement st = conn.createStatement()) {
            st.setQueryTimeout(10);
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            if (e.getMessage().contains("no such table")) {
                return List.of(0L);
            }
            throw e;
        }
        return out;
    }
}

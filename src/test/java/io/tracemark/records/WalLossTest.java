package io.tracemark.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.cli.CommandRun;
import io.tracemark.core.StorageException;
import io.tracemark.store.Database;
import io.tracemark.store.Marks;
import io.tracemark.store.Witness;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault of issue 17: a station killed with kill -9, then {@code station.db-wal} deleted. The
 * commits only in the log are gone; the witness beside the file still says how far the ledger had
 * come, so nothing starts on the file until it is restored or the loss accepted.
 */
class WalLossTest {

    @TempDir
    Path dir;

    @Test
    void aDeletedLogAfterKill9IsFoundAndNothingIsWrittenUntilTheLossIsAccepted() throws Exception {
        Path data = dir.resolve("data");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), WalLossChild.class.getName(), data.toString());
        pb.redirectError(dir.resolve("child.err").toFile());
        Process child = pb.start();
        int sent = 0;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; sent < 150 && (line = out.readLine()) != null; ) {
                sent = Integer.parseInt(line.substring(5));
            }
            child.destroyForcibly(); // SIGKILL
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        }
        assertEquals(150, sent, "child stopped early: " + Files.readString(dir.resolve("child.err")));
        Marks witnessed = Witness.read(Witness.file(data)).orElseThrow();
        assertTrue(witnessed.jobSent().get("J1") >= sent, witnessed.toString());

        assertTrue(Files.size(data.resolve("station.db-wal")) > 0);
        Files.delete(data.resolve("station.db-wal"));
        Files.deleteIfExists(data.resolve("station.db-shm"));

        try (Database db = Database.open(data)) {
            assertEquals(0, db.count("SELECT count(*) FROM units"), "the units lived only in the deleted log");
            List<String> lost = db.lost();
            assertTrue(lost.get(0).startsWith("job J1: units 1.." + witnessed.jobSent().get("J1") + " had been SENT"),
                    lost.toString());
            StorageException refused = assertThrows(StorageException.class, () -> StartupTrust.require(db));
            assertTrue(refused.getMessage().contains("has gone back in time"), refused.getMessage());
        }
        // every command that writes is refused with the reason, e.g. an import
        Path codes = dir.resolve("more.txt");
        Files.writeString(codes, "06901234567892\n");
        CommandRun imported = CommandRun.run("codes", "import", codes.toString(), "--scheme", "gtin", "--data", data.toString());
        assertEquals(2, imported.exit(), imported.out() + imported.err());
        assertTrue(imported.err().contains("has gone back in time"), imported.err());

        CommandRun accepted = CommandRun.run("accept-loss", "--data", data.toString(), "--by", "9001",
                "--reason", "test: log deleted", "--json");
        assertEquals(0, accepted.exit(), accepted.err());
        assertTrue(accepted.out().contains("\"accepted\" : true"), accepted.out());
        try (Database db = Database.open(data)) {
            assertFalse(db.refusal().isPresent());
            StartupTrust.require(db);
            assertEquals(1, db.count("SELECT count(*) FROM audit_log WHERE action = 'ledger.loss-accepted' "
                    + "AND detail LIKE '%job J1: units 1..%'"));
        }
    }
}

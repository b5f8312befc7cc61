package io.tracemark.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.cli.CommandRun;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.store.Database;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data directory (or database file) that cannot be written says so. Permission bits stop nobody
 * when the tests run as root, so there the directory is made immutable ({@code chattr +i}, which
 * refuses even root); as another user it is made read-only with {@code chmod}.
 */
class ReadOnlyDataTest {

    @TempDir
    Path dir;

    @Test
    void aReadOnlyDataDirectorySaysSoNotCantOpen() throws Exception {
        Path data = dir.resolve("data");
        try (Database db = Database.open(data)) {
            LedgerFixture.importCodes(new CodeLedger(db), 1, 10);
        }
        readOnly(data, true);
        try {
            CommandRun run = CommandRun.run("reconcile", "--data", data.toString());
            assertEquals(2, run.exit(), run.out() + run.err());
            assertTrue(run.err().contains("the data directory " + data.toAbsolutePath() + " is read-only"), run.err());
            assertTrue(!run.err().contains("CANTOPEN"), run.err());
        } finally {
            readOnly(data, false);
        }
    }

    @Test
    void aReadOnlyDatabaseFileSaysSo() throws Exception {
        Path data = dir.resolve("data");
        try (Database db = Database.open(data)) {
            LedgerFixture.importCodes(new CodeLedger(db), 1, 10);
        }
        Path file = data.resolve(Database.FILE_NAME);
        readOnly(file, true);
        try {
            CommandRun run = CommandRun.run("reconcile", "--data", data.toString());
            assertEquals(2, run.exit(), run.out() + run.err());
            assertTrue(run.err().contains("the database " + file.toAbsolutePath() + " is read-only"), run.err());
        } finally {
            readOnly(file, false);
        }
    }

    static void readOnly(Path path, boolean on) throws Exception {
        if (root()) {
            run("chattr", on ? "+i" : "-i", path.toString());
        } else {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(
                    Files.isDirectory(path) ? (on ? "r-xr-xr-x" : "rwxr-xr-x") : (on ? "r--r--r--" : "rw-r--r--")));
        }
        Path probe = (Files.isDirectory(path) ? path : path.resolveSibling("x")).resolve("probe");
        if (on && Files.isDirectory(path)) {
            try {
                Files.createFile(probe);
                throw new AssertionError("making " + path + " read-only did not stop a write");
            } catch (IOException expected) {
                // really read-only
            }
        }
    }

    private static boolean root() throws Exception {
        return run("id", "-u").trim().equals("0");
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }
}

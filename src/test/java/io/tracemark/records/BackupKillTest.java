package io.tracemark.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.cli.CommandRun;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.records.backup.BackupFolder;
import io.tracemark.records.backup.BackupManifest;
import io.tracemark.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 of {@code backup now} while it writes its copy: the last good backup stays, nothing half looks good. */
class BackupKillTest {

    @TempDir
    Path dir;

    @Test
    void aBackupKilledWhileCopyingLeavesTheLastGoodOneAndNoHalfBackup() throws Exception {
        Path data = dir.resolve("data");
        Path folder = dir.resolve("backups");
        Files.createDirectories(folder);
        try (Database db = Database.open(data)) {
            CodeLedger ledger = new CodeLedger(db);
            for (int i = 0; i < 4; i++) {
                LedgerFixture.importCodes(ledger, 1 + i * 50_000, 50_000);
            }
            LedgerFixture.runJob(ledger, "J1", 50, true);
        }
        CommandRun good = CommandRun.run("backup", "now", "--data", data.toString(), "--to", folder.toString());
        assertEquals(0, good.exit(), good.err());
        BackupManifest lastGood = new BackupFolder(folder).list().get(0);

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "io.tracemark.cli.Main", "backup", "now", "--data", data.toString(),
                "--to", folder.toString()).redirectErrorStream(true).redirectOutput(dir.resolve("child.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        boolean copying = false;
        while (!copying && child.isAlive() && System.nanoTime() < deadline) {
            copying = partials(folder).stream().anyMatch(p -> sizeOf(p) > 0);
        }
        child.destroyForcibly();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertTrue(copying, "the child never began its copy: " + Files.readString(dir.resolve("child.out")));

        List<BackupManifest> listed = new BackupFolder(folder).list();
        assertEquals(List.of(lastGood), listed, "only the last good backup is listed");
        assertTrue(new BackupFolder(folder).intact(lastGood));
        try (Stream<Path> files = Files.list(folder)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).sorted().toList();
            assertEquals(List.of(lastGood.databaseFile(), lastGood.name() + ".json"), names,
                    "nothing beside the good backup that has a backup's name");
        }
        CommandRun list = CommandRun.run("backup", "list", "--in", folder.toString(), "--verify", "--json");
        assertEquals(0, list.exit(), list.err());
        CommandRun next = CommandRun.run("backup", "now", "--data", data.toString(), "--to", folder.toString());
        assertEquals(0, next.exit(), next.err());
        assertEquals(2, new BackupFolder(folder).list().size());
    }

    private static List<Path> partials(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".partial")).toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long sizeOf(Path p) {
        try {
            return Files.size(p);
        } catch (java.io.IOException gone) {
            return 0;
        }
    }
}

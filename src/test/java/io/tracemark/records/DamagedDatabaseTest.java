package io.tracemark.records;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.cli.CommandRun;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The second fault of issue 17: four garbled pages mid-file, on which {@code demo} used to run a whole new job. */
class DamagedDatabaseTest {

    private static final int PAGE = 4096;

    @TempDir
    Path dir;

    @Test
    void garbledPagesMidFileStopTheStationBeforeItDoesAnything() throws Exception {
        Path data = dir.resolve("data");
        CommandRun first = CommandRun.run("demo", "--units", "30", "--exit-when-done", "--json", "--data", data.toString());
        assertEquals(0, first.exit(), first.err());
        Path file = data.resolve("station.db");
        assertTrue(Files.notExists(data.resolve("station.db-wal")), "closed cleanly: everything is in the file");
        Random random = new Random(17);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long pages = f.length() / PAGE;
            byte[] garbage = new byte[PAGE];
            for (long p = pages / 2; p < pages / 2 + 4; p++) {
                random.nextBytes(garbage);
                f.seek(p * PAGE);
                f.write(garbage);
            }
        }
        byte[] damaged = Files.readAllBytes(file);

        CommandRun second = CommandRun.run("demo", "--units", "30", "--exit-when-done", "--json", "--data", data.toString());
        assertEquals(2, second.exit(), second.out() + second.err());
        assertTrue(second.err().contains("station.db is damaged, the station does not start on it (SQLite quick_check:"),
                second.err());
        assertTrue(second.err().contains("tracemark restore BACKUP --data " + data), second.err());
        assertEquals("", second.out(), "no job document: no job ran");
        assertArrayEquals(damaged, Files.readAllBytes(file), "nothing was written to the damaged file");

        CommandRun accept = CommandRun.run("accept-loss", "--data", data.toString(), "--by", "9001", "--reason", "x");
        assertEquals(2, accept.exit());
        assertTrue(accept.err().contains("a damaged file is not accepted"), accept.err());
    }
}

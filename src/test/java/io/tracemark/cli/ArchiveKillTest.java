package io.tracemark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracemark.records.archive.ArchiveRun;
import io.tracemark.records.archive.Archives;
import io.tracemark.records.backup.BackupFiles;
import io.tracemark.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * kill -9 of an archive run at each of its steps: the next run finishes or redoes the move, and afterwards
 * every job's accounting is what it was, each unit is in exactly one place (live or its job's archive), the
 * witness agrees and the archives verify.
 */
class ArchiveKillTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(ArchiveRun.Step.class)
    void aRunKilledAtAnyStepLosesAndDuplicatesNothing(ArchiveRun.Step step) throws Exception {
        Path data = dir.resolve("data");
        ArchiveCommandsTest.fill(data);
        JsonNode before = JSON.readTree(CommandRun.run("reconcile", "--data", data.toString(), "--json").out());
        long units = units(data);

        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), ArchiveKillChild.class.getName(), data.toString(), step.name())
                .redirectErrorStream(true).redirectOutput(dir.resolve("child.out").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (child.isAlive() && System.nanoTime() < deadline && !Files.readString(dir.resolve("child.out")).contains("AT ")) {
            Thread.onSpinWait();
        }
        String said = Files.readString(dir.resolve("child.out"));
        child.destroyForcibly(); // SIGKILL
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        assertTrue(said.contains("AT " + step), "the child never reached " + step + ": " + said);
        assertEquals(units, units(data), "killed at " + step + ": every unit live or in its job's archive, once");

        CommandRun again = CommandRun.run("archive", "run", "--data", data.toString(), "--json");
        assertEquals(0, again.exit(), again.err());
        assertEquals(units, units(data), "after the next run");
        boolean fileWithoutRegistration = step == ArchiveRun.Step.RENAMED || step == ArchiveRun.Step.MANIFEST;
        assertEquals(fileWithoutRegistration ? 1 : 0, JSON.readTree(again.out()).get("setAside").size(), again.out());
        try (Database db = Database.open(data)) {
            assertTrue(db.refusal().isEmpty(), "the witness agrees: " + db.refusal());
            assertEquals(10, db.count("SELECT count(*) FROM units"), "only JNOW stays live after the next run");
            assertEquals(3, Archives.archivedJobs(db).size());
        }
        assertEquals(before, JSON.readTree(CommandRun.run("reconcile", "--data", data.toString(), "--json").out()));
        CommandRun verify = CommandRun.run("archive", "verify", "--data", data.toString());
        assertEquals(0, verify.exit(), verify.out());
        assertEquals(0, CommandRun.run("audit", "verify", "--data", data.toString()).exit());
    }

    /**
     * Units counted where readers find them: a live job's in the live database, an archived job's in its
     * archive (live leftovers of an archived job, deleted by the next run, are not counted: no reader takes them).
     */
    private static long units(Path data) throws Exception {
        long total = 0;
        try (Database db = Database.open(data)) {
            Map<String, Path> archived = Archives.archivedJobs(db);
            for (String job : db.read(conn -> strings(conn, "SELECT id FROM jobs"))) {
                long live = db.count("SELECT count(*) FROM units WHERE job_id = ?", job);
                if (archived.containsKey(job)) {
                    try (Connection conn = BackupFiles.readOnly(archived.get(job));
                         var ps = conn.prepareStatement("SELECT count(*) FROM units WHERE job_id = ?")) {
                        ps.setString(1, job);
                        try (ResultSet rs = ps.executeQuery()) {
                            rs.next();
                            total += rs.getLong(1);
                        }
                    }
                } else {
                    total += live;
                }
            }
        }
        return total;
    }

    private static List<String> strings(Connection conn, String sql) throws java.sql.SQLException {
        List<String> out = new java.util.ArrayList<>();
        try (var st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}

package io.tracemark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import io.tracemark.ledger.Reconciliation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the station process at seeded random moments, with {@code virtual-line} and
 * {@code platform} in processes of their own that live on: the station ({@code run --config
 * station-virtual.yaml --exit-when-done}) is killed {@value #KILLS} times, either a random time after
 * it was started (during start-up, recovery, the challenge or the run; at the latest once it sent
 * {@value #MAX_UNITS_PER_RUN} units) or once a random number of further units were sent, and started
 * again on the same data directory. After every kill every
 * label the virtual printer printed is a code the ledger has at SENT or later, no code was sent or
 * verified twice, and the identity holds; at the end the job completes and the platform holds one
 * event per unit with a verdict.
 */
class StationKillTest {

    private static final int UNITS = 200;
    private static final int KILLS = 20;
    private static final long SEED = 20_261_201;
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** Units a run may send before it is killed: 20 runs verify fewer than the job's 200, whatever the machine's speed. */
    private static final int MAX_UNITS_PER_RUN = 8;

    @TempDir
    Path dir;

    @Test
    void stationKilledAtRandomMomentsLosesNothingAndSendsNothingTwice() throws Exception {
        Random random = new Random(SEED);
        List<String> moments = new ArrayList<>();
        try (VirtualPlant plant = new VirtualPlant(dir, "")) {
            Path yaml = plant.stationYaml(false);
            Path job = plant.jobFile(UNITS);
            for (int kill = 1; kill <= KILLS; kill++) {
                try (ChildJvm station = start(plant, yaml, job, "kill-" + kill)) {
                    long sent = sent(plant);
                    if (random.nextBoolean()) {
                        long ms = 300 + random.nextInt(4000);
                        moments.add(ms + " ms after start");
                        awaitSent(plant, sent + MAX_UNITS_PER_RUN, station, Duration.ofMillis(ms));
                    } else {
                        long more = 1 + random.nextInt(MAX_UNITS_PER_RUN);
                        moments.add("after " + more + " more units sent");
                        awaitSent(plant, sent + more, station, PATIENCE);
                    }
                    assertTrue(station.alive(), "the station was still running at kill " + kill + " (" + moments
                            + "); the job must outlast every kill\n" + station.stderr());
                    station.kill();
                }
                plant.assertBooks("after kill " + kill + " (" + moments.get(kill - 1) + ")");
            }
            JsonNode doc;
            try (ChildJvm station = start(plant, yaml, job, "final")) {
                doc = station.awaitJson(Duration.ofMinutes(5));
                assertEquals(0, station.awaitExit(Duration.ofMinutes(1)), doc + "\n" + station.stderr());
            }
            assertTrue(doc.get("resumed").asBoolean(), "the job left open by the last kill was resumed: " + doc);
            assertEquals(UNITS, doc.get("verified").asInt(), doc.toString());
            assertTrue(doc.get("platform").get("drained").asBoolean(), doc.toString());
            List<Reconciliation> books = plant.assertBooks("at the end");
            assertEquals(1, books.size(), "one job across all restarts: " + books);
            assertTrue(books.get(0).voided() > 0, "labels were in flight at some kill: " + books.get(0));
            plant.assertPlatformHasEveryUnitOnce(UNITS);
            assertTrue(plant.line.alive() && plant.platform.alive(), "virtual line and platform survived every kill");
        }
    }

    /** Starts the station: with the job file until the ledger holds the job, then resuming it. */
    private ChildJvm start(VirtualPlant plant, Path yaml, Path job, String name) throws Exception {
        List<String> args = new ArrayList<>(List.of("run", "--config", yaml.toString(), "--exit-when-done", "--json"));
        if (jobs(plant) == 0) {
            args.addAll(List.of("--job", job.toString()));
        }
        return ChildJvm.start(dir, name, VirtualPlant.ADMIN_PIN, args.toArray(String[]::new));
    }

    /**
     * Waits until the ledger shows {@code n} units sent or, for a timed kill ({@code within} shorter
     * than the patience), until {@code within} has passed, whichever comes first.
     */
    private void awaitSent(VirtualPlant plant, long n, ChildJvm station, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (sent(plant) < n) {
            if (!station.alive()) {
                fail("the station ended before " + n + " units were sent\n" + station.stderr());
            }
            if (System.nanoTime() > deadline) {
                if (within.equals(PATIENCE)) {
                    fail("the ledger did not reach " + n + " units sent within " + PATIENCE + "\n" + station.stderr());
                }
                return;
            }
            Thread.sleep(20);
        }
    }

    private static long sent(VirtualPlant plant) throws SQLException {
        return count(plant, "SELECT count(*) FROM units");
    }

    private static long jobs(VirtualPlant plant) throws SQLException {
        return count(plant, "SELECT count(*) FROM jobs");
    }

    /** A count from the station's database, read-only while the station may be writing (0 before it exists). */
    private static long count(VirtualPlant plant, String sql) throws SQLException {
        Path file = plant.stationData.resolve("station.db");
        if (!Files.exists(file)) {
            return 0;
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file + "?mode=ro");
             Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 5000");
            try (ResultSet rs = s.executeQuery(sql)) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            if (e.getMessage() != null && e.getMessage().contains("no such table")) {
                return 0;
            }
            throw e;
        }
    }
}

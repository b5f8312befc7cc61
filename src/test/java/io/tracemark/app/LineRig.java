package io.tracemark.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tracemark.ledger.Reconciliation;
import io.tracemark.line.JobRequest;
import io.tracemark.line.LineController;
import io.tracemark.line.LineSettings;
import io.tracemark.line.PackMlState;
import io.tracemark.sim.DegradationMix;
import io.tracemark.store.Database;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.function.BooleanSupplier;

/** A simulated line for whole-line tests, with the checks every test makes on the ledger. */
final class LineRig implements AutoCloseable {

    static final Duration PATIENCE = LineEvents.PATIENCE;

    final SimulatedLine sim;
    final LineController line;
    final Database db;

    LineRig(Path dir, String faults, LineSettings settings) {
        this(dir, faults, settings, 400);
    }

    LineRig(Path dir, String faults, LineSettings settings, int codes) {
        this(dir, faults, settings, codes, 0);
    }

    /** @param labelsPerSecond the virtual printer's speed (0: as fast as it can) */
    LineRig(Path dir, String faults, LineSettings settings, int codes, double labelsPerSecond) {
        SimulatedLine.Options o = new SimulatedLine.Options(dir, LineFaults.parse(faults, DegradationMix.none(), 7),
                settings, codes, 7, labelsPerSecond, "zt411-203");
        this.sim = SimulatedLine.start(o);
        this.line = sim.line();
        this.db = sim.database();
    }

    /** Default rules with the challenge off (it has its own tests) and a short verdict timeout. */
    static LineSettings quick() {
        return LineSettings.defaults().withChallengeAtStart(false).withVerdictTimeout(Duration.ofMillis(1500));
    }

    static JobRequest job(int units) {
        return SampleStation.itemJob(units, LocalDate.now());
    }

    PackMlState awaitState(PackMlState... states) {
        PackMlState reached = LineWatch.awaitState(line, EnumSet.of(states[0], states), PATIENCE);
        for (PackMlState s : states) {
            if (s == reached) {
                return reached;
            }
        }
        return fail("line did not reach " + java.util.Arrays.toString(states) + " within " + PATIENCE + "; it is "
                + reached + ", " + line.snapshot());
    }

    /** Waits for a condition, re-checked on every change of the line (and at least every 100 ms). */
    void awaitThat(String what, BooleanSupplier condition) {
        LineEvents.awaitThat(line, what, condition);
    }

    String jobId() {
        return line.currentJobId().orElseThrow();
    }

    long units(String state) {
        return db.count("SELECT count(*) FROM units WHERE job_id = ? AND state = ?", jobId(), state);
    }

    long unitsWithReason(String reason) {
        return db.count("SELECT count(*) FROM units WHERE job_id = ? AND reason = ?", jobId(), reason);
    }

    /** No unit left without a verdict, nothing in two states, the identity holds, no duplicates. */
    Reconciliation assertBooksHold() {
        Reconciliation r = sim.ledger().reconcile(jobId());
        assertEquals(0, units("SENT"), "units SENT without verdict after a stop");
        assertTrue(r.balanced(), "accounting identity: " + r);
        assertEquals(0, r.duplicates(), "duplicates: " + r);
        assertEquals(0, db.count("SELECT count(*) FROM (SELECT code_id FROM units WHERE state = 'VERIFIED' "
                + "AND job_id = ? GROUP BY code_id HAVING count(*) > 1)", jobId()), "code VERIFIED twice");
        assertEquals(0, db.count("SELECT count(*) FROM codes c JOIN units u ON u.code_id = c.id WHERE u.job_id = ? "
                + "AND c.state <> u.state", jobId()), "a code whose state differs from its unit's (two states)");
        return r;
    }

    /**
     * The gate fired only for units voided while their labels were on the way to the camera (an abort
     * voids what is in flight; such a label that still reaches the camera is thrown out), never for a
     * unit the books count as good. Returns how many it fired for.
     */
    int assertGateFiredOnlyForVoidedLabels() {
        java.util.List<Long> fired = sim.gate().fired();
        for (long unitId : fired) {
            assertEquals(1, db.count("SELECT count(*) FROM units WHERE id = ? AND state = 'VOIDED'", unitId),
                    "the gate fired for unit " + unitId + ", which is not VOIDED");
        }
        return fired.size();
    }

    @Override
    public void close() {
        sim.close();
    }
}

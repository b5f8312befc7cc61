package io.tracemark.app;

import io.tracemark.core.TracemarkException;
import io.tracemark.ledger.GateCount;
import io.tracemark.ledger.Reconciliation;
import io.tracemark.line.Alarm;
import io.tracemark.line.JobRequest;
import io.tracemark.line.LineController;
import io.tracemark.line.PackMlState;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one job to its end, unattended: resumes the unfinished job found after a crash (or starts
 * the requested one), waits for the line to complete, and ends the batch. After a fault the
 * {@link Operator} decides: the demo's operator fixes the virtual devices, acknowledges the alarm,
 * clears and restarts, up to a limit; on real devices nobody is there, and the run ends.
 */
public final class DemoRun {

    private static final Logger LOG = LoggerFactory.getLogger(DemoRun.class);
    static final String OPERATOR = "demo-operator";

    /**
     * @param books   the job's reconciliation after end of batch (empty when no job ran)
     * @param stops   the alarm cause of every stop, in order
     * @param resumed whether an unfinished job was resumed after a crash
     * @param refused why the job did not start, when it did not
     * @param gates   the PLC reject counts of the job, one per gate whose PLC counts rejects
     */
    public record Outcome(Optional<Reconciliation> books, List<String> stops, boolean resumed, Optional<String> refused,
                          List<GateCount> gates) {

        /** Whether every PLC counted exactly the station's fires. */
        public boolean gatesMatch() {
            return gates.stream().allMatch(GateCount::matches);
        }
    }

    /** What is done at the line after a fault stopped it. */
    @FunctionalInterface
    public interface Operator {
        /** Makes the line ready to be cleared and restarted; false when nobody can (the run ends). */
        boolean fix(LineController line);

        /** Nobody at the line: a fault ends the run. */
        Operator NOBODY = line -> false;
    }

    private DemoRun() {
    }

    /** The demo: the sample job of {@code units} on the simulated line, whose operator clears faults. */
    public static Outcome run(SimulatedLine sim, int units, int maxStops, Duration timeout) {
        return run(sim.station(), SampleStation.itemJob(units, LocalDate.now()), line -> {
            sim.fixDevices();
            return true;
        }, maxStops, timeout, "demo-operator");
    }

    /**
     * Runs a job to its end: the unfinished job the station recovered, else {@code job} (when not null).
     *
     * @param actor who the audit trail names
     */
    public static Outcome run(Station station, JobRequest job, Operator operator, int maxStops, Duration timeout,
                              String actor) {
        LineController line = station.line();
        List<String> stops = new ArrayList<>();
        boolean resumed = !station.recovered().isEmpty();
        try {
            if (resumed) {
                line.restart(actor);
            } else if (job != null) {
                line.start(job, actor);
            } else {
                return new Outcome(Optional.empty(), List.of(), false, Optional.of("no job was left open, and none was given"),
                        List.of());
            }
        } catch (TracemarkException e) {
            LOG.warn("job did not start: {}", e.getMessage());
            return new Outcome(Optional.empty(), causes(line), resumed, Optional.of(e.getMessage()), List.of());
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            PackMlState state = LineWatch.awaitState(line, EnumSet.of(PackMlState.COMPLETE, PackMlState.ABORTED,
                    PackMlState.STOPPED), left);
            if (state == PackMlState.ABORTED) {
                stops.addAll(causes(line));
                if (stops.size() > maxStops || left.isZero() || !operator.fix(line)) {
                    break;
                }
                try {
                    for (Alarm alarm : line.snapshot().alarms()) {
                        line.acknowledgeAlarm(alarm.id(), actor);
                    }
                    line.clear(actor);
                    line.restart(actor);
                } catch (TracemarkException e) {
                    LOG.warn("could not resume after {}: {}", stops, e.getMessage());
                    stops.add("restart.failed");
                }
                continue;
            }
            if (state != PackMlState.COMPLETE && line.snapshot().state() == PackMlState.EXECUTE) {
                line.stop(actor);
            }
            break;
        }
        line.endBatch(actor);
        Optional<Reconciliation> books = line.lastReconciliation();
        List<GateCount> gates = books.map(r -> station.gateCounts(r.job(), Duration.ofSeconds(30))).orElse(List.of());
        return new Outcome(books, stops, resumed, Optional.empty(), gates);
    }

    private static List<String> causes(LineController line) {
        return line.snapshot().alarms().stream().filter(a -> a.severity() == Alarm.Severity.FAULT).map(Alarm::cause).toList();
    }
}

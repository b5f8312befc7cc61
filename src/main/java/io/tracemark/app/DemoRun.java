package io.tracemark.app;

import io.tracemark.core.TracemarkException;
import io.tracemark.ledger.Reconciliation;
import io.tracemark.line.Alarm;
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
 * Runs one job on the simulated line to its end, as an attentive operator would: resumes an
 * unfinished job found after a crash (or starts a new one), and after each fault fixes the virtual
 * devices, acknowledges the alarm, clears and restarts, up to a limit; at the end ends the batch.
 */
public final class DemoRun {

    private static final Logger LOG = LoggerFactory.getLogger(DemoRun.class);
    private static final String OPERATOR = "demo-operator";

    /**
     * @param books   the job's reconciliation after end of batch (empty when no job ran)
     * @param stops   the alarm cause of every stop, in order
     * @param resumed whether an unfinished job was resumed after a crash
     * @param refused why the job did not start, when it did not
     */
    public record Outcome(Optional<Reconciliation> books, List<String> stops, boolean resumed, Optional<String> refused) {
    }

    private DemoRun() {
    }

    public static Outcome run(SimulatedLine sim, int units, int maxStops, Duration timeout) {
        LineController line = sim.line();
        List<String> stops = new ArrayList<>();
        boolean resumed = !line.recover().isEmpty();
        try {
            if (resumed) {
                line.restart(OPERATOR);
            } else {
                line.start(SampleStation.itemJob(units, LocalDate.now()), OPERATOR);
            }
        } catch (TracemarkException e) {
            LOG.warn("job did not start: {}", e.getMessage());
            return new Outcome(Optional.empty(), causes(line), resumed, Optional.of(e.getMessage()));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Duration left = Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
            PackMlState state = LineWatch.awaitState(line, EnumSet.of(PackMlState.COMPLETE, PackMlState.ABORTED,
                    PackMlState.STOPPED), left);
            if (state == PackMlState.ABORTED) {
                stops.addAll(causes(line));
                if (stops.size() > maxStops || left.isZero()) {
                    break;
                }
                try {
                    recoverFromFault(sim, line);
                } catch (TracemarkException e) {
                    LOG.warn("could not resume after {}: {}", stops, e.getMessage());
                    stops.add("restart.failed");
                }
                continue;
            }
            if (state != PackMlState.COMPLETE && line.snapshot().state() == PackMlState.EXECUTE) {
                line.stop(OPERATOR);
            }
            break;
        }
        line.endBatch(OPERATOR);
        return new Outcome(line.lastReconciliation(), stops, resumed, Optional.empty());
    }

    private static void recoverFromFault(SimulatedLine sim, LineController line) {
        sim.fixDevices();
        for (Alarm alarm : line.snapshot().alarms()) {
            line.acknowledgeAlarm(alarm.id(), OPERATOR);
        }
        line.clear(OPERATOR);
        line.restart(OPERATOR);
    }

    private static List<String> causes(LineController line) {
        return line.snapshot().alarms().stream().filter(a -> a.severity() == Alarm.Severity.FAULT).map(Alarm::cause).toList();
    }
}

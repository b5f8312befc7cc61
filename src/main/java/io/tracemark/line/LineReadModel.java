package io.tracemark.line;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the panel reads of the line: the snapshot, built from what the owner thread published
 * (state machine, counters, alarms, the current job, the last verdict), and the change listeners.
 * Any thread may read it without waiting for the owner thread; only the owner thread writes it.
 */
final class LineReadModel {

    private static final Logger LOG = LoggerFactory.getLogger(LineReadModel.class);

    private final PackMlStateMachine sm;
    private final LineCounters counters;
    private final AlarmBoard alarms;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong version = new AtomicLong();
    private volatile JobSummary job;
    private volatile UnitVerdict lastVerdict;

    LineReadModel(PackMlStateMachine sm, LineCounters counters, AlarmBoard alarms) {
        this.sm = sm;
        this.counters = counters;
        this.alarms = alarms;
    }

    LineSnapshot snapshot() {
        return new LineSnapshot(sm.state(), Optional.ofNullable(job), counters.snapshot(), alarms.active(),
                Optional.ofNullable(lastVerdict), version.get());
    }

    AutoCloseable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** The job shown (null: none). */
    void job(JobSummary summary) {
        this.job = summary;
    }

    void verdict(UnitVerdict verdict) {
        this.lastVerdict = verdict;
    }

    /** Something in the snapshot changed: tell the listeners. */
    void changed() {
        version.incrementAndGet();
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("line change listener failed", e);
            }
        }
    }
}

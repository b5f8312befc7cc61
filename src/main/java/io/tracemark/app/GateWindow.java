package io.tracemark.app;

import io.tracemark.core.DeviceException;
import io.tracemark.ledger.GateCount;
import io.tracemark.ledger.GateCounts;
import io.tracemark.verify.FireTally;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One counted gate's window on the job on the line: the PLC's reject counter is read when the job comes
 * on the line and when it leaves it (another job comes on, or it ends), and every fire the station
 * commands meanwhile counts for it. Touched only on the gate's command thread
 * ({@link io.tracemark.verify.CountedGate#inOrder}, {@link #beforeFire}, {@link #fired}), so a counter
 * reading and the fires counted always describe the same moment; fires while no window is open count on
 * neither side.
 */
final class GateWindow implements FireTally {

    private static final Logger LOG = LoggerFactory.getLogger(GateWindow.class);

    private final String gate;
    private final GateCounts counts;
    private final Runnable onFired;
    /** The job that came on the line, set by the line's listener; its window opens at the latest before a fire. */
    private final AtomicReference<String> comingOn = new AtomicReference<>();
    private String job;
    private boolean startKnown;
    /** The counter's reading the open segment goes on from, as far as {@link #soFar} knows it; -1: not known. */
    private long segmentFrom = -1;

    /** @param onFired told after each fire is counted (on the gate's command thread; quick) */
    GateWindow(String gate, GateCounts counts, Runnable onFired) {
        this.gate = gate;
        this.counts = counts;
        this.onFired = onFired;
    }

    /**
     * A job came on the line (any thread, at once): should the gate fire before {@link #open} ran, the window
     * opens first, so no fire of the job can slip past its start reading.
     */
    void comingOn(String jobId) {
        comingOn.set(jobId);
    }

    /** The job comes on the line (again, after a restart: a segment left open keeps its first reading). */
    void open(String jobId, LongSupplier counter) {
        if (jobId.equals(job)) {
            return;
        }
        OptionalLong reading = read(counter, "as job " + jobId + " came on the line");
        store(() -> {
            if (job != null) {
                counts.left(job, gate, reading);
            }
            counts.opened(jobId, gate, reading);
        });
        job = jobId;
        startKnown = reading.isPresent();
        segmentFrom = -1;
    }

    /**
     * The open job's counts so far, for the panel: the counter's rise up to now is folded into the job's
     * counts (its segment goes on from this reading; nothing is written while the counter stands still).
     * A failed reading folds nothing. Null when no job's window is open.
     */
    GateCount soFar(LongSupplier counter) {
        if (job == null) {
            return null;
        }
        String open = job;
        if (startKnown) {
            OptionalLong reading = read(counter, "for the counts so far of job " + open);
            if (reading.isPresent() && reading.getAsLong() != segmentFrom) {
                store(() -> {
                    counts.left(open, gate, reading);
                    counts.opened(open, gate, reading);
                });
                segmentFrom = reading.getAsLong();
            }
        }
        return counts.of(open).stream().filter(c -> c.gate().equals(gate)).findFirst().orElse(null);
    }

    /** The job ended: its window closes for good with a reading of the counter. */
    GateCount close(String jobId, LongSupplier counter) {
        comingOn.compareAndSet(jobId, null);
        OptionalLong reading = read(counter, "at the end of job " + jobId);
        String error = reading.isPresent() ? null : "the PLC counter could not be read at the end of the job";
        if (jobId.equals(job)) {
            job = null;
            return counts.closed(jobId, gate, reading, error);
        }
        // its segment was closed when another job came on the line
        return counts.closed(jobId, gate, OptionalLong.empty(), null);
    }

    @Override
    public void beforeFire(long unitId, LongSupplier counter) {
        String next = comingOn.get();
        if (next != null && !next.equals(job)) {
            open(next, counter);
        }
        if (job != null && !startKnown) {
            OptionalLong reading = read(counter, "before the first fire of job " + job);
            if (reading.isPresent()) {
                store(() -> counts.startRead(job, gate, reading.getAsLong()));
                startKnown = true;
            }
        }
    }

    @Override
    public void fired(long unitId) {
        if (job == null) {
            return;
        }
        // once a fire is counted, a later first reading would not describe the segment's start
        startKnown = true;
        store(() -> counts.fired(job, gate));
        onFired.run();
    }

    private OptionalLong read(LongSupplier counter, String when) {
        try {
            return OptionalLong.of(counter.getAsLong());
        } catch (DeviceException e) {
            LOG.warn("{} - the PLC reject counter could not be read {}: {}", gate, when, e.getMessage());
            return OptionalLong.empty();
        }
    }

    /** A write of the counts; a reject goes ahead whatever happens to it. */
    private void store(Runnable write) {
        try {
            write.run();
        } catch (RuntimeException e) {
            LOG.error("{} - the reject counts of job {} could not be stored: {}", gate, job, e.toString());
        }
    }
}

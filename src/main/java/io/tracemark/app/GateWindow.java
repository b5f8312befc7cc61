package io.tracemark.app;

import io.tracemark.core.DeviceException;
import io.tracemark.ledger.GateCount;
import io.tracemark.ledger.GateCounts;
import java.util.OptionalLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One counted gate's window on the job on the line: the PLC's reject counter when the job's window
 * opens, every fire the station commands while it is open, the counter when it closes. Touched only on
 * the gate's command thread ({@link io.tracemark.verify.CountedGate#inOrder}, {@link #beforeFire},
 * {@link #fired}), so a counter reading and the fires counted always describe the same moment; fires
 * outside a window (before the job's window opened, after it closed) count on neither side.
 */
final class GateWindow implements io.tracemark.verify.FireTally {

    private static final Logger LOG = LoggerFactory.getLogger(GateWindow.class);

    private final String gate;
    private final GateCounts counts;
    private String job;
    private boolean startKnown;

    GateWindow(String gate, GateCounts counts) {
        this.gate = gate;
        this.counts = counts;
    }

    /** Opens the job's window (again, after a restart: the first reading is kept). On the gate's thread. */
    void open(String jobId, LongSupplier counter) {
        if (jobId.equals(job)) {
            return;
        }
        job = jobId;
        startKnown = false;
        readStart(counter);
    }

    /** Closes the job's window with a reading of the counter. On the gate's thread. */
    GateCount close(String jobId, LongSupplier counter) {
        if (jobId.equals(job)) {
            job = null;
        }
        OptionalLong reading = OptionalLong.empty();
        String error = null;
        try {
            reading = OptionalLong.of(counter.getAsLong());
        } catch (DeviceException e) {
            LOG.warn("{} - the PLC reject counter could not be read at the end of job {}: {}", gate, jobId,
                    e.getMessage());
            error = e.getMessage();
        }
        return counts.closed(jobId, gate, reading, error);
    }

    @Override
    public void beforeFire(long unitId, LongSupplier counter) {
        if (job != null && !startKnown) {
            readStart(counter);
        }
    }

    @Override
    public void fired(long unitId) {
        if (job == null) {
            return;
        }
        // once a fire is counted, a later first reading would not describe the window's start
        startKnown = true;
        try {
            counts.fired(job, gate);
        } catch (RuntimeException e) {
            LOG.error("{} - the fire for unit {} could not be counted for job {}: {}", gate, unitId, job, e.toString());
        }
    }

    private void readStart(LongSupplier counter) {
        OptionalLong reading = OptionalLong.empty();
        try {
            reading = OptionalLong.of(counter.getAsLong());
            startKnown = true;
        } catch (DeviceException e) {
            LOG.warn("{} - the PLC reject counter could not be read as job {} began: {}", gate, job, e.getMessage());
        }
        try {
            counts.opened(job, gate, reading);
        } catch (RuntimeException e) {
            LOG.error("{} - the start of job {} could not be stored: {}", gate, job, e.toString());
            startKnown = false;
        }
    }
}

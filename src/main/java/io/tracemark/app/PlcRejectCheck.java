package io.tracemark.app;

import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.GateCount;
import io.tracemark.ledger.GateCounts;
import io.tracemark.ledger.JobState;
import io.tracemark.ledger.Reconciliation;
import io.tracemark.line.LineController;
import io.tracemark.verify.CountedGate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reconciles the PLCs' own reject counters with the station's fires, per job: when a job comes on the
 * line each counted gate's window opens (the counter is read), every fire the station commands counts,
 * and at job end the counter is read again. A PLC whose counter went up by other than the station's
 * fires (a pulse it missed: a rejected unit may have shipped; a reject it made by itself: a unit left
 * without a verdict) raises an alarm on the line and is in the job's accounting. While a job is on the
 * line its counters are read for the panel's counts so far ({@link GateCountsSoFar}). Follows the line from
 * its change events on a thread of its own (the line's listeners run under its lock); counter readings
 * run on each gate's command thread.
 */
final class PlcRejectCheck implements AutoCloseable {

    static final String MISMATCH = "gate.countMismatch";
    /** How long a job's end waits for the gates to count the fires of its last rejects. */
    static final Duration FIRES_DUE = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(PlcRejectCheck.class);

    private final LineController line;
    private final CodeLedger ledger;
    private final GateCounts counts;
    private final Map<CountedGate, GateWindow> windows = new LinkedHashMap<>();
    private final Map<String, CompletableFuture<List<GateCount>>> ends = new HashMap<>();
    private final LineChangeWorker worker = new LineChangeWorker("plc-reject-check");
    private final GateCountsSoFar soFar;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private volatile List<GateCount> lastEnded = List.of();
    /** Notified when a gate counted a fire, for {@link #awaitFires}. */
    private final Object fireSignal = new Object();
    private volatile String seenCurrent;
    private volatile String seenEnded;

    PlcRejectCheck(LineController line, CodeLedger ledger, GateCounts counts, List<CountedGate> gates) {
        this.line = line;
        this.ledger = ledger;
        this.counts = counts;
        for (CountedGate gate : gates) {
            GateWindow window = new GateWindow(gate.name(), counts, this::fireCounted);
            gate.tally(window);
            windows.put(gate, window);
        }
        this.soFar = new GateCountsSoFar(windows, () -> seenCurrent, this::told);
        this.seenEnded = line.lastReconciliation().map(Reconciliation::job).orElse(null);
        this.seenCurrent = line.currentJobId().orElse(null);
        if (seenCurrent != null) {
            // a job recovered after a restart: its window is open again before the line can fire the gate
            windows.values().forEach(w -> w.comingOn(seenCurrent));
            awaitOpen(seenCurrent);
        }
        if (!gates.isEmpty()) {
            worker.subscribed(line.onChange(this::changed));
            soFar.start();
        }
    }

    /**
     * Calls {@code listener} whenever the counts the panel shows change ({@link #running}, {@link #lastEnded});
     * quick, on the check's own threads. Closing the handle removes it.
     */
    AutoCloseable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    private void told() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("a listener of the PLC reject counts failed: {}", e.toString());
            }
        }
    }

    private void awaitOpen(String job) {
        try {
            CompletableFuture.allOf(open(job).toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("the PLC reject counters of recovered job {} could not be read: {}", job, e.toString());
        }
    }

    /** Opens the job's window on every counted gate, when the job is open in the ledger. */
    private List<CompletableFuture<Void>> open(String job) {
        if (windows.isEmpty() || !ledger.job(job).map(j -> j.state() == JobState.OPEN).orElse(false)) {
            return List.of();
        }
        List<CompletableFuture<Void>> opening = new ArrayList<>();
        windows.forEach((gate, window) -> opening.add(gate.inOrder(counter -> {
            window.open(job, counter);
            return null;
        })));
        return opening;
    }

    /** Cheap, under the line's lock: hands a new current or ended job to the worker. */
    private void changed() {
        String current = line.currentJobId().orElse(null);
        String ended = line.lastReconciliation().map(Reconciliation::job).orElse(null);
        boolean newEnd = !Objects.equals(ended, seenEnded);
        boolean newCurrent = !Objects.equals(current, seenCurrent);
        if (newCurrent && current != null) {
            windows.values().forEach(w -> w.comingOn(current));
        }
        if (newCurrent || newEnd) {
            seenCurrent = current;
            seenEnded = ended;
            try {
                worker.execute(() -> follow(current, newEnd ? ended : null));
            } catch (RejectedExecutionException closing) {
                LOG.debug("station closing: job {} / end of {} not followed", current, ended);
            }
        }
    }

    private void follow(String current, String ended) {
        try {
            if (ended != null) {
                end(ended);
            }
            if (current != null) {
                open(current);
            }
        } catch (RuntimeException e) {
            LOG.error("following job {} / end of {} for the PLC reject counters: {}", current, ended, e.toString());
        }
    }

    /**
     * The job's gate counts after its end: closes each window (once; later calls get the same answer)
     * and raises an alarm when a PLC disagrees with the station.
     */
    synchronized CompletableFuture<List<GateCount>> end(String job) {
        CompletableFuture<List<GateCount>> known = ends.get(job);
        if (known != null) {
            return known;
        }
        if (windows.keySet().stream().anyMatch(gate -> !counts.isClosed(job, gate.name()))) {
            awaitFires(job);
        }
        List<CompletableFuture<GateCount>> each = new ArrayList<>();
        windows.forEach((gate, window) -> each.add(counts.isClosed(job, gate.name())
                ? CompletableFuture.completedFuture(stored(job, gate.name()))
                : gate.inOrder(counter -> {
                    GateCount count = window.close(job, counter);
                    report(count);
                    return count;
                })));
        CompletableFuture<List<GateCount>> all = CompletableFuture.allOf(each.toArray(CompletableFuture[]::new))
                .thenApply(done -> each.stream().map(CompletableFuture::join).toList());
        all.thenAccept(counts -> {
            lastEnded = counts;
            soFar.ended(job);
            told();
        });
        ends.put(job, all);
        return all;
    }

    /**
     * Waits, {@link #FIRES_DUE} at most, until every counted gate has counted a fire for each of the job's
     * rejected units: the line commands its gates off its own thread, so the last reject's fire may still
     * be on its way when the job ends, and a window closed before it would leave that fire out on both
     * sides. A gate that could not be commanded (the line stopped on it) is waited for in vain, then left.
     */
    private void awaitFires(String job) {
        long rejected = ledger.reconcile(job).rejected();
        long deadline = System.nanoTime() + FIRES_DUE.toNanos();
        synchronized (fireSignal) {
            while (!firesCounted(job, rejected)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warn("job {}: not every gate counted a fire for each of its {} rejected units within {} s",
                            job, rejected, FIRES_DUE.toSeconds());
                    return;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(fireSignal, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private boolean firesCounted(String job, long rejected) {
        Map<String, Long> fires = new HashMap<>();
        counts.of(job).forEach(c -> fires.put(c.gate(), c.stationFires()));
        return windows.keySet().stream().allMatch(gate -> fires.getOrDefault(gate.name(), 0L) >= rejected);
    }

    private void fireCounted() {
        synchronized (fireSignal) {
            fireSignal.notifyAll();
        }
    }

    /** {@link #end} and waits for it; what is stored when the wait is over (a PLC may not answer). */
    List<GateCount> awaitEnd(String job, Duration within) {
        try {
            return end(job).get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("the PLC reject counters of job {} are not all known: {}", job, e.toString());
        }
        return counts.of(job);
    }

    /** Whether any gate's PLC counts rejects. */
    boolean counting() {
        return !windows.isEmpty();
    }

    /** The gate counts of the job that ended last in this process (empty before), for the panel's status. */
    List<GateCount> lastEnded() {
        return lastEnded;
    }

    /** The counts so far of the job on the line, one per gate (see {@link GateCountsSoFar}). */
    List<GateCount> running() {
        return soFar.running();
    }

    private GateCount stored(String job, String gate) {
        return counts.of(job).stream().filter(c -> c.gate().equals(gate)).findFirst().orElseThrow();
    }

    private void report(GateCount count) {
        if (count.matches()) {
            LOG.info("job {}: {}", count.job(), count.describe());
            return;
        }
        LOG.warn("job {}: {}", count.job(), count.describe());
        line.deviceAlarm(MISMATCH, "job " + count.job() + ": " + count.describe());
    }

    @Override
    public void close() {
        soFar.close();
        worker.close();
    }
}

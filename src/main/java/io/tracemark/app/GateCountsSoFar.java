package io.tracemark.app;

import io.tracemark.ledger.GateCount;
import io.tracemark.verify.CountedGate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reject counts so far of the job on the line, for the panel: every {@link #PEEK} each counted gate's
 * counter is read in order with its fires and its rise folded into the job's counts
 * ({@link GateWindow#soFar}), so the PLC's count lags the station's fires by up to {@link #PEEK}. A change
 * is told to {@code changed}. Reads on a daemon thread of its own.
 */
final class GateCountsSoFar implements AutoCloseable {

    /** How often the counters of the job on the line are read. */
    static final Duration PEEK = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(GateCountsSoFar.class);

    private final Map<CountedGate, GateWindow> windows;
    private final Supplier<String> current;
    private final Runnable changed;
    private final ScheduledExecutorService peeks = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "plc-reject-peek");
        t.setDaemon(true);
        return t;
    });
    private volatile List<GateCount> running = List.of();

    /**
     * @param current the job on the line now, or null
     * @param changed told when {@link #running} changed (quick)
     */
    GateCountsSoFar(Map<CountedGate, GateWindow> windows, Supplier<String> current, Runnable changed) {
        this.windows = windows;
        this.current = current;
        this.changed = changed;
    }

    void start() {
        peeks.scheduleWithFixedDelay(this::peek, PEEK.toMillis(), PEEK.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One count per gate of the job on the line ({@code ended} false), as last read; empty without a job. */
    List<GateCount> running() {
        return running;
    }

    /** The job ended: its counts so far are no longer shown. */
    void ended(String job) {
        running = running.stream().filter(c -> !c.job().equals(job)).toList();
    }

    private void peek() {
        String job = current.get();
        List<GateCount> now = new ArrayList<>();
        if (job != null) {
            List<CompletableFuture<GateCount>> each = new ArrayList<>();
            windows.forEach((gate, window) -> each.add(gate.inOrder(window::soFar)));
            try {
                CompletableFuture.allOf(each.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | TimeoutException e) {
                LOG.debug("the reject counters of job {} were not read this time: {}", job, e.toString());
                return;
            }
            each.stream().map(CompletableFuture::join)
                    .filter(c -> c != null && c.job().equals(job) && !c.ended()).forEach(now::add);
        }
        if (Objects.equals(job, current.get()) && !now.equals(running)) {
            running = List.copyOf(now);
            changed.run();
        }
    }

    @Override
    public void close() {
        peeks.shutdownNow();
    }
}

package io.tracemark.sim;

import io.tracemark.core.DeviceException;
import io.tracemark.verify.CountedGate;
import io.tracemark.verify.FireTally;
import io.tracemark.verify.RejectGate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The reject gate of the simulated line: fires at once and confirms, unless its seeded
 * {@link GatePlan} says the nth reject is not confirmed (the future completes false after the
 * confirmation timeout) or cannot be commanded. Like the gate on a {@link VirtualPlc} it has a reject
 * counter (16 bits) that rises by one per pulse it carried out; a pulse the plan says it misses
 * ({@code missedAt}) neither fires, confirms nor counts, one it bounces on ({@code extraAt}) counts
 * twice. When the plan gives the gate a counter ({@link GatePlan#counts()}) the station reads it back
 * as a {@link CountedGate}: fires and counter readings then run in order on the gate's own command
 * thread; without one, a reject is carried out at once on the caller's thread. Keeps a log of the
 * units it fired for, for tests.
 */
public final class VirtualRejectGate implements RejectGate, CountedGate {

    private final String name;
    private final GatePlan plan;
    private final long confirmTimeoutMs;
    private final ExecutorService commands;
    private long pulses;
    private long counter;
    private final List<Long> fired = new ArrayList<>();
    private final List<Long> unconfirmed = new ArrayList<>();
    private final List<Long> missed = new ArrayList<>();
    private volatile FireTally tally = FireTally.NONE;
    private volatile boolean closed;

    /** @param confirmTimeoutMs how long an unconfirmed reject takes to be reported as such */
    public VirtualRejectGate(String name, GatePlan plan, long confirmTimeoutMs) {
        this.name = name;
        this.plan = plan;
        this.confirmTimeoutMs = confirmTimeoutMs;
        // its thread starts with the first task: a gate without a counter never starts it
        this.commands = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "virtual-gate " + name);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CompletableFuture<Boolean> reject(long unitId) {
        if (closed) {
            return closedGate();
        }
        if (!counts()) {
            return pulse(unitId);
        }
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        try {
            commands.execute(() -> {
                FireTally t = tally;
                t.beforeFire(unitId, this::plcRejectCount);
                CompletableFuture<Boolean> outcome = pulse(unitId);
                if (!outcome.isCompletedExceptionally()) {
                    t.fired(unitId);
                }
                outcome.whenComplete((ok, e) -> {
                    if (e != null) {
                        done.completeExceptionally(e);
                    } else {
                        done.complete(ok);
                    }
                });
            });
        } catch (RejectedExecutionException e) {
            return closedGate();
        }
        return done;
    }

    /** One pulse of the gate's output, as the plan has it go; completes when the confirmation is known. */
    private CompletableFuture<Boolean> pulse(long unitId) {
        long n;
        synchronized (this) {
            n = ++pulses;
        }
        if (plan.failsAt(n)) {
            return CompletableFuture.failedFuture(new DeviceException(name, "reject " + n + " (unit " + unitId
                    + ") could not be commanded (fault plan " + plan + ")"));
        }
        if (plan.missedAt(n)) {
            synchronized (this) {
                missed.add(unitId);
            }
            // nothing fired: a sensor sees nothing, a gate without one cannot tell
            return plan.confirms() ? notConfirmed() : CompletableFuture.completedFuture(true);
        }
        synchronized (this) {
            counter = (counter + (plan.extraAt(n) ? 2 : 1)) & 0xffff;
        }
        if (plan.unconfirmedAt(n)) {
            synchronized (this) {
                unconfirmed.add(unitId);
            }
            return notConfirmed();
        }
        synchronized (this) {
            fired.add(unitId);
        }
        return CompletableFuture.completedFuture(true);
    }

    private CompletableFuture<Boolean> notConfirmed() {
        Executor later = CompletableFuture.delayedExecutor(confirmTimeoutMs, TimeUnit.MILLISECONDS);
        return CompletableFuture.supplyAsync(() -> false, later);
    }

    private <T> CompletableFuture<T> closedGate() {
        return CompletableFuture.failedFuture(new DeviceException(name, "gate is closed"));
    }

    @Override
    public boolean confirms() {
        return plan.confirms();
    }

    /** Whether the station can read the gate's reject counter back (the plan gives it one). */
    public boolean counts() {
        return plan.counts();
    }

    @Override
    public void tally(FireTally tally) {
        this.tally = tally;
    }

    @Override
    public <T> CompletableFuture<T> inOrder(Function<LongSupplier, T> work) {
        return CountedGate.onCommandThread(name, closed, commands, this::plcRejectCount, work);
    }

    /**
     * The gate's reject counter: pulses carried out, modulo 2<sup>16</sup>.
     *
     * @throws DeviceException when the plan gives the gate no counter
     */
    public synchronized long plcRejectCount() {
        if (!counts()) {
            throw new DeviceException(name, "the virtual gate has no reject counter (gate plan counter=true)");
        }
        return counter;
    }

    /** Units the gate fired for and confirmed, in order. */
    public synchronized List<Long> fired() {
        return List.copyOf(fired);
    }

    /** Units whose reject was not confirmed, in order. */
    public synchronized List<Long> unconfirmed() {
        return List.copyOf(unconfirmed);
    }

    /** Units whose pulse the gate missed (the plan's {@code missedAt}), in order. */
    public synchronized List<Long> missed() {
        return List.copyOf(missed);
    }

    @Override
    public void close() {
        closed = true;
        commands.shutdown();
    }
}

package io.tracemark.sim;

import io.tracemark.core.DeviceException;
import io.tracemark.verify.RejectGate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reject gate of the simulated line: fires at once and confirms, unless its seeded
 * {@link GatePlan} says the nth reject is not confirmed (the future completes false after the
 * confirmation timeout) or cannot be commanded. Keeps a log of the units it fired for, for tests.
 */
public final class VirtualRejectGate implements RejectGate {

    private final String name;
    private final GatePlan plan;
    private final long confirmTimeoutMs;
    private final AtomicLong count = new AtomicLong();
    private final List<Long> fired = new ArrayList<>();
    private final List<Long> unconfirmed = new ArrayList<>();
    private volatile boolean closed;

    /** @param confirmTimeoutMs how long an unconfirmed reject takes to be reported as such */
    public VirtualRejectGate(String name, GatePlan plan, long confirmTimeoutMs) {
        this.name = name;
        this.plan = plan;
        this.confirmTimeoutMs = confirmTimeoutMs;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CompletableFuture<Boolean> reject(long unitId) {
        if (closed) {
            return CompletableFuture.failedFuture(new DeviceException(name, "gate is closed"));
        }
        long n = count.incrementAndGet();
        if (plan.failsAt(n)) {
            return CompletableFuture.failedFuture(new DeviceException(name, "reject " + n + " (unit " + unitId
                    + ") could not be commanded (fault plan " + plan + ")"));
        }
        if (plan.unconfirmedAt(n)) {
            synchronized (this) {
                unconfirmed.add(unitId);
            }
            Executor later = CompletableFuture.delayedExecutor(confirmTimeoutMs, TimeUnit.MILLISECONDS);
            return CompletableFuture.supplyAsync(() -> false, later);
        }
        synchronized (this) {
            fired.add(unitId);
        }
        return CompletableFuture.completedFuture(true);
    }

    @Override
    public boolean confirms() {
        return plan.confirms();
    }

    /** Units the gate fired for and confirmed, in order. */
    public synchronized List<Long> fired() {
        return List.copyOf(fired);
    }

    /** Units whose reject was not confirmed, in order. */
    public synchronized List<Long> unconfirmed() {
        return List.copyOf(unconfirmed);
    }

    @Override
    public void close() {
        closed = true;
    }
}

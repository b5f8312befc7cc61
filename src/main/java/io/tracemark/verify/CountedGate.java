package io.tracemark.verify;

import io.tracemark.core.DeviceException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A reject gate whose PLC counts the rejects it carried out in a register the station can read back,
 * so that a job's accounting can compare the PLC's count with the station's own fires.
 */
public interface CountedGate {

    /** The gate's name. */
    String name();

    /**
     * Sets what the gate tells of its fires (before the first reject; {@link FireTally#NONE} by default).
     */
    void tally(FireTally tally);

    /**
     * Runs {@code work} on the gate's command thread, in order with its fires, with a reader of the PLC's
     * reject counter; never blocks the caller.
     *
     * @return completes with the work's result, or exceptionally when the gate is closed
     */
    <T> CompletableFuture<T> inOrder(Function<LongSupplier, T> work);

    /**
     * {@link #inOrder} for a gate whose fires run on {@code commands}: the work joins their queue.
     *
     * @param closed whether the gate is closed already (the work then fails at once)
     */
    static <T> CompletableFuture<T> onCommandThread(String gate, boolean closed, Executor commands,
                                                    LongSupplier counter, Function<LongSupplier, T> work) {
        if (closed) {
            return CompletableFuture.failedFuture(new DeviceException(gate, "gate is closed"));
        }
        try {
            return CompletableFuture.supplyAsync(() -> work.apply(counter), commands);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(new DeviceException(gate, "gate is closed", e));
        }
    }
}

package io.tracemark.verify;

import java.util.concurrent.CompletableFuture;

/**
 * The actuator that takes a rejected unit off the line (a pusher, an air jet, a diverter), with an
 * optional sensor that confirms the unit really left. Implementations: a command over TCP or serial,
 * or the simulated gate.
 */
public interface RejectGate extends AutoCloseable {

    /** Name for messages and the panel. */
    String name();

    /**
     * Fires the gate for a unit. Never blocks: the returned future completes with {@code true} when
     * the gate confirmed the reject (immediately when it has no confirmation sensor) and with
     * {@code false} when the confirmation did not come in time; it completes exceptionally with a
     * {@link io.tracemark.core.DeviceException} when the gate could not be commanded.
     *
     * @param unitId the ledger's unit id, echoed by gates that report per unit
     */
    CompletableFuture<Boolean> reject(long unitId);

    /** Whether the gate has a sensor that confirms each reject. */
    boolean confirms();

    /** Releases the device; further rejects fail. */
    @Override
    void close();
}

package io.tracemark.line;

import io.tracemark.verify.RejectGate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fires the reject gate for a unit whose reject is already in the ledger, and watches the
 * confirmation: when the gate has a sensor and confirmations are required, a missing confirmation
 * or a gate that cannot be commanded stops the line.
 */
final class RejectActuator {

    private static final Logger LOG = LoggerFactory.getLogger(RejectActuator.class);

    private final RejectGate gate;
    private final boolean requireConfirmation;
    private final Consumer<StopCause> stop;
    private final Executor io;
    private final java.util.concurrent.atomic.AtomicLong fired = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong confirmed = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong failed = new java.util.concurrent.atomic.AtomicLong();
    /** How the last command went: "none" before the first, then "ok", "unconfirmed" or "failed". */
    private volatile String lastOutcome = "none";

    RejectActuator(RejectGate gate, boolean requireConfirmation, Consumer<StopCause> stop) {
        this(gate, requireConfirmation, stop, Runnable::run);
    }

    /** @param io where the gate is commanded (device I/O stays off the line's thread) */
    RejectActuator(RejectGate gate, boolean requireConfirmation, Consumer<StopCause> stop, Executor io) {
        this.gate = gate;
        this.requireConfirmation = requireConfirmation;
        this.stop = stop;
        this.io = io;
    }

    /** Fires for a real unit; a failure is reported through the stop callback, never thrown. */
    void fire(long unitId, String code) {
        command(unitId).whenComplete((confirmed, error) -> {
            if (error != null) {
                stop.accept(StopCause.fault("gate.fault", gate.name() + " could not reject unit " + unitId + " ("
                        + code + "): " + UnitMatcher.rootMessage(error)));
            } else if (!confirmed && requireConfirmation && gate.confirms()) {
                stop.accept(StopCause.fault("gate.unconfirmed", gate.name() + " did not confirm the reject of unit "
                        + unitId + " (" + code + "); the unit may still be on the line"));
            } else if (!confirmed) {
                LOG.warn("{} did not confirm the reject of unit {} ({})", gate.name(), unitId, code);
            }
        });
    }

    /**
     * Fires for the challenge unit.
     *
     * @return true when the gate fired and, if it has a sensor, confirmed
     */
    CompletableFuture<Boolean> fireChallenge(long unitId) {
        return command(unitId);
    }

    private CompletableFuture<Boolean> command(long unitId) {
        fired.incrementAndGet();
        CompletableFuture<Boolean> done;
        try {
            done = CompletableFuture.supplyAsync(() -> gate.reject(unitId), io).thenCompose(f -> f);
        } catch (RuntimeException e) {
            done = CompletableFuture.failedFuture(e);
        }
        return done.whenComplete((ok, error) -> {
            if (error != null) {
                failed.incrementAndGet();
                lastOutcome = "failed";
            } else if (ok) {
                confirmed.incrementAndGet();
                lastOutcome = "ok";
            } else {
                lastOutcome = gate.confirms() ? "unconfirmed" : "ok";
            }
        });
    }

    /** The gate's name, its commands so far (fired, confirmed, failed) and how the last one went. */
    DeviceState state() {
        String link = switch (lastOutcome) {
            case "failed" -> DeviceState.DOWN;
            case "unconfirmed" -> DeviceState.WARNING;
            case "ok" -> DeviceState.UP;
            default -> DeviceState.UNKNOWN;
        };
        java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
        counts.put("fired", fired.get());
        counts.put("confirmed", confirmed.get());
        counts.put("failed", failed.get());
        return new DeviceState(gate.name(), DeviceState.GATE, link, java.util.List.of(), counts, "");
    }
}

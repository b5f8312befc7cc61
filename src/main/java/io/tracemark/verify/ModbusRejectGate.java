package io.tracemark.verify;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import io.tracemark.core.DeviceException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reject gate on a PLC over Modbus TCP (j2mod master): a reject writes the gate's coil on, holds it
 * for the pulse, writes it off, then (with a sensor) reads the confirmation input until it is on or the
 * timeout passes, as its {@link GateConfirmation} says (pulsed input, latched input the station resets, or
 * a confirmation counter). The PLC's own reject counter can be read back for reconciliation ({@link CountedGate}):
 * the station's {@link FireTally} hears of every fire on the gate's thread. All Modbus traffic
 * runs in order on one thread the gate owns, so {@link #reject} never blocks its caller; a failed
 * exchange drops the connection and the next reject connects again.
 */
public final class ModbusRejectGate implements RejectGate, CountedGate {

    private static final Logger LOG = LoggerFactory.getLogger(ModbusRejectGate.class);

    private final String name;
    private final ModbusGateSettings settings;
    private final ExecutorService worker;
    private ModbusTCPMaster master;
    /** The unit being rejected, for messages; worker thread only. */
    private long unitInHand;
    private volatile FireTally tally = FireTally.NONE;
    private volatile boolean closed;

    public ModbusRejectGate(String name, ModbusGateSettings settings) {
        this.name = name;
        this.settings = settings;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "modbus-gate " + name);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean confirms() {
        return settings.confirms();
    }

    @Override
    public CompletableFuture<Boolean> reject(long unitId) {
        if (closed) {
            return CompletableFuture.failedFuture(new DeviceException(name, "gate is closed"));
        }
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        worker.execute(() -> {
            try {
                done.complete(fire(unitId));
            } catch (DeviceException e) {
                done.completeExceptionally(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                done.completeExceptionally(new DeviceException(name, "interrupted while rejecting unit " + unitId, e));
            }
        });
        return done;
    }

    /** Whether the URI names the PLC's reject counter ({@code counter=holding:N}). */
    public boolean counts() {
        return settings.counter().isPresent();
    }

    @Override
    public void tally(FireTally tally) {
        this.tally = tally;
    }

    @Override
    public <T> CompletableFuture<T> inOrder(Function<LongSupplier, T> work) {
        return CountedGate.onCommandThread(name, closed, worker, this::readCounter, work);
    }

    /**
     * The PLC's reject counter (the holding register the URI names with {@code counter=holding:N}).
     *
     * @throws DeviceException when the URI names no counter or the PLC does not answer
     */
    public long plcRejectCount() {
        try {
            return worker.submit(this::readCounter).get(settings.timeoutMs() * 3L, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof DeviceException d ? d : new DeviceException(name, e.getCause().toString(), e);
        } catch (TimeoutException e) {
            throw new DeviceException(name, "no counter reading within " + settings.timeoutMs() * 3L + " ms", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException(name, "interrupted while reading the reject counter", e);
        }
    }

    /** Reads the reject counter; on the worker thread only. */
    private long readCounter() {
        if (settings.counter().isEmpty()) {
            throw new DeviceException(name, "the gate URI names no counter (counter=holding:N)");
        }
        return exchange("read counter", m -> (long) m.readMultipleRegisters(settings.unit(),
                settings.counter().getAsInt(), 1)[0].toUnsignedShort());
    }

    private boolean fire(long unitId) throws InterruptedException {
        int coil = settings.coil();
        FireTally t = tally;
        t.beforeFire(unitId, this::readCounter);
        unitInHand = unitId;
        ConfirmationWatch watch = ConfirmationWatch.arm(name, settings.confirm(), points, unitId);
        exchange("coil " + coil + " on for unit " + unitId, m -> m.writeCoil(settings.unit(), coil, true));
        t.fired(unitId);
        long pulseEnd = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.pulseMs());
        // the pulse width is what the actuator needs; the sensor may see the unit leave meanwhile, and a pulsed
        // input (on while the pusher is out) is read at least once before the coil goes off
        boolean seen;
        do {
            seen = watch.poll();
            sleepUntilNextPoll(pulseEnd);
        } while (System.nanoTime() < pulseEnd);
        exchange("coil " + coil + " off for unit " + unitId, m -> m.writeCoil(settings.unit(), coil, false));
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(settings.timeoutMs());
        while (!seen && System.nanoTime() < deadline) {
            seen = watch.poll();
            if (!seen) {
                sleepUntilNextPoll(deadline);
            }
        }
        if (seen) {
            watch.finish();
        } else {
            LOG.warn("{} - {} did not confirm unit {} within {} ms after a {} ms pulse", name,
                    settings.confirm().describe(), unitId, settings.timeoutMs(), settings.pulseMs());
        }
        return seen;
    }

    private void sleepUntilNextPoll(long limitNanos) throws InterruptedException {
        TimeUnit.NANOSECONDS.sleep(Math.min(TimeUnit.MILLISECONDS.toNanos(settings.pollMs()),
                Math.max(0, limitNanos - System.nanoTime())));
    }

    /** The PLC's points, each read or write one exchange on the worker thread, for the unit in hand. */
    private final ConfirmationWatch.Points points = new ConfirmationWatch.Points() {
        @Override
        public boolean input(int address) {
            return exchange("read input " + address + " for unit " + unitInHand,
                    m -> m.readInputDiscretes(settings.unit(), address, 1).getBit(0));
        }

        @Override
        public int register(int address) {
            return exchange("read holding register " + address + " for unit " + unitInHand,
                    m -> m.readMultipleRegisters(settings.unit(), address, 1)[0].toUnsignedShort());
        }

        @Override
        public void coil(int address, boolean on) {
            exchange("coil " + address + (on ? " on" : " off") + " for unit " + unitInHand,
                    m -> m.writeCoil(settings.unit(), address, on));
        }
    };

    /** One Modbus exchange on the worker thread; connects first; any failure drops the connection. */
    private <T> T exchange(String what, ModbusCall<T> call) {
        try {
            if (master == null) {
                ModbusTCPMaster m = new ModbusTCPMaster(settings.host(), settings.port(), settings.timeoutMs(), false);
                m.setRetries(0);
                m.connect();
                master = m;
            }
            return call.run(master);
        } catch (Exception e) {
            disconnect();
            throw new DeviceException(name, what + " failed on " + settings.address() + ": " + e.getMessage(), e);
        }
    }

    private void disconnect() {
        if (master != null) {
            master.disconnect();
            master = null;
        }
    }

    @FunctionalInterface
    private interface ModbusCall<T> {
        T run(ModbusTCPMaster master) throws Exception;
    }

    @Override
    public void close() {
        closed = true;
        worker.execute(this::disconnect);
        worker.shutdown();
        try {
            if (!worker.awaitTermination(settings.timeoutMs() * 2L + settings.pulseMs(), TimeUnit.MILLISECONDS)) {
                worker.shutdownNow();
            }
        } catch (InterruptedException e) {
            worker.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}

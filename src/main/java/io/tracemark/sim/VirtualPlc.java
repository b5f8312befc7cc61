package io.tracemark.sim;

import com.ghgande.j2mod.modbus.ModbusException;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalIn;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalOut;
import com.ghgande.j2mod.modbus.procimg.SimpleProcessImage;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlave;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;
import io.tracemark.core.DeviceException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The PLC of a simulated reject gate: a Modbus TCP slave on 127.0.0.1 (j2mod) with the gate's coil,
 * the confirmation sensor's discrete input and a holding register counting the rejects the PLC carried
 * out. When the coil turns on, the PLC fires the gate and counts it; unless its seeded {@link GatePlan}
 * says the nth reject goes unconfirmed, the sensor input turns on. The plan can also make the PLC miss
 * the nth pulse (no fire, no count) or fire twice for it (counted twice), for reconciliation tests.
 * Tests and the virtual line host it; the station talks to it with the real {@code modbus-tcp://} gate.
 */
public final class VirtualPlc implements AutoCloseable {

    /**
     * Addresses (zero-based) and unit id.
     *
     * @param unit    unit identifier
     * @param coil    the gate's coil
     * @param input   the sensor's discrete input
     * @param counter the holding register counting the rejects the PLC carried out
     */
    public record Layout(int unit, int coil, int input, int counter) {

        /** The example layout: unit 1, coil 12, input 7, counter in holding register 3. */
        public static final Layout STANDARD = new Layout(1, 12, 7, 3);
    }

    private final Layout layout;
    private final GatePlan plan;
    private final AtomicLong fired = new AtomicLong();
    private final SimpleDigitalIn sensor = new SimpleDigitalIn(false);
    private final SimpleRegister counter = new SimpleRegister(0);
    private ModbusSlave slave;
    private int port;

    public VirtualPlc(Layout layout, GatePlan plan) {
        this.layout = layout;
        this.plan = plan;
    }

    /**
     * Starts listening on 127.0.0.1. j2mod binds the port it is given and keeps one slave per port, so
     * a free port is chosen first (retried if another process takes it in between).
     *
     * @return the port bound
     */
    public synchronized int start(int wantedPort) {
        SimpleProcessImage image = new SimpleProcessImage(layout.unit());
        for (int i = 0; i <= Math.max(layout.coil(), layout.input()); i++) {
            image.addDigitalOut(i == layout.coil() ? new GateCoil() : new SimpleDigitalOut(false));
            image.addDigitalIn(i == layout.input() ? sensor : new SimpleDigitalIn(false));
        }
        for (int i = 0; i <= layout.counter(); i++) {
            image.addRegister(i == layout.counter() ? counter : new SimpleRegister(0));
        }
        ModbusException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int candidate = wantedPort > 0 ? wantedPort : freePort();
            try {
                ModbusSlave s = ModbusSlaveFactory.createTCPSlave(InetAddress.getLoopbackAddress(), candidate, 4, false, 0);
                s.addProcessImage(layout.unit(), image);
                s.open();
                slave = s;
                port = candidate;
                return port;
            } catch (ModbusException e) {
                last = e;
                ModbusSlaveFactory.close(ModbusSlaveFactory.getSlave(com.ghgande.j2mod.modbus.slave.ModbusSlaveType.TCP,
                        candidate));
                if (wantedPort > 0) {
                    break;
                }
            }
        }
        throw new DeviceException("virtual PLC", "cannot listen on 127.0.0.1: " + (last == null ? "" : last.getMessage()),
                last);
    }

    /** The port listened on. */
    public int port() {
        return port;
    }

    /** The gate URI that drives this PLC, sensor and counter included. */
    public String gateUri(int pulseMs, int timeoutMs) {
        return "modbus-tcp://127.0.0.1:" + port + "?unit=" + layout.unit() + "&coil=" + layout.coil()
                + (plan.confirms() ? "&confirm=input:" + layout.input() : "") + "&pulseMs=" + pulseMs
                + "&timeoutMs=" + timeoutMs + "&counter=holding:" + layout.counter();
    }

    /** Times the coil turned on so far. */
    public long fired() {
        return fired.get();
    }

    /** Rejects the PLC carried out (the holding register's value). */
    public long counted() {
        return counter.toUnsignedShort();
    }

    /** Stops answering; open connections fail at their next request. */
    @Override
    public synchronized void close() {
        if (slave != null) {
            slave.close();
            slave = null;
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new DeviceException("virtual PLC", "no free port on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    /** The gate's coil: its rising edge fires the gate and, as the plan says, the sensor and the counter. */
    private final class GateCoil extends SimpleDigitalOut {

        GateCoil() {
            super(false);
        }

        @Override
        public synchronized void set(boolean on) {
            boolean rising = on && !isSet();
            super.set(on);
            if (rising) {
                long n = fired.incrementAndGet();
                if (plan.missedAt(n)) {
                    sensor.set(false);
                    return;
                }
                sensor.set(!plan.unconfirmedAt(n));
                counter.setValue((counter.toUnsignedShort() + (plan.extraAt(n) ? 2 : 1)) & 0xffff);
            }
        }
    }
}

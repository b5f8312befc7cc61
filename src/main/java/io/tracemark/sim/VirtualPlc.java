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
 * says the nth reject goes unconfirmed, it confirms it as its {@link Confirmation} says: the sensor input
 * on while the coil is on (pulse), latched on until the station writes the reset coil (latch), or one
 * more in the confirmation register (counter). The plan can also make the PLC miss
 * the nth pulse (no fire, no count) or fire twice for it (counted twice), for reconciliation tests.
 * Tests and the virtual line host it; the station talks to it with the real {@code modbus-tcp://} gate.
 */
public final class VirtualPlc implements AutoCloseable {

    /**
     * Addresses (zero-based) and unit id.
     *
     * @param unit      unit identifier
     * @param coil      the gate's coil
     * @param input     the sensor's discrete input
     * @param counter   the holding register counting the rejects the PLC carried out
     * @param resetCoil the coil that resets a latched sensor input
     * @param confirmed the holding register counting confirmed rejects
     */
    public record Layout(int unit, int coil, int input, int counter, int resetCoil, int confirmed) {

        /**
         * The example layout: unit 1, coil 12, input 7, counter in holding register 3; reset coil
         * 13, confirmation counter in holding register 4.
         */
        public static final Layout STANDARD = new Layout(1, 12, 7, 3, 13, 4);
    }

    /** How the PLC program confirms a reject (the gate URI's {@code confirm} kinds). */
    public enum Confirmation {
        /** Input on while the coil is on, when the sensor saw the unit (the pusher's end position). */
        PULSE,
        /** Input latched on at the coil's rising edge when the sensor saw the unit, until the reset coil goes on. */
        LATCH,
        /** The confirmation register counts up when the sensor saw the unit. */
        COUNTER
    }

    private final Layout layout;
    private final GatePlan plan;
    private final Confirmation confirmation;
    private final SimpleRegister confirmedCount = new SimpleRegister(0);
    private final AtomicLong fired = new AtomicLong();
    private volatile boolean stuck;
    private final SimpleDigitalIn sensor = new SimpleDigitalIn(false) {
        @Override
        public boolean isSet() {
            return stuck || super.isSet();
        }
    };
    private final SimpleRegister counter = new SimpleRegister(0);
    private ModbusSlave slave;
    private int port;

    /** A PLC whose sensor input is on while the coil is on ({@link Confirmation#PULSE}). */
    public VirtualPlc(Layout layout, GatePlan plan) {
        this(layout, plan, Confirmation.PULSE);
    }

    public VirtualPlc(Layout layout, GatePlan plan, Confirmation confirmation) {
        this.layout = layout;
        this.plan = plan;
        this.confirmation = confirmation;
    }

    /**
     * Starts listening on 127.0.0.1. j2mod binds the port it is given and keeps one slave per port, so
     * a free port is chosen first (retried if another process takes it in between).
     *
     * @return the port bound
     */
    public synchronized int start(int wantedPort) {
        SimpleProcessImage image = new SimpleProcessImage(layout.unit());
        int points = Math.max(Math.max(layout.coil(), layout.resetCoil()), layout.input());
        for (int i = 0; i <= points; i++) {
            image.addDigitalOut(i == layout.coil() ? new GateCoil() : i == layout.resetCoil() ? new ResetCoil()
                    : new SimpleDigitalOut(false));
            image.addDigitalIn(i == layout.input() ? sensor : new SimpleDigitalIn(false));
        }
        for (int i = 0; i <= Math.max(layout.counter(), layout.confirmed()); i++) {
            image.addRegister(i == layout.counter() ? counter : i == layout.confirmed() ? confirmedCount
                    : new SimpleRegister(0));
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

    /** The gate URI that drives this PLC, its kind of confirmation and its reject counter included. */
    public String gateUri(int pulseMs, int timeoutMs) {
        String confirm = !plan.confirms() ? "" : switch (confirmation) {
            case PULSE -> "&confirm=input:" + layout.input();
            case LATCH -> "&confirm=latch:" + layout.input() + "&reset=coil:" + layout.resetCoil();
            case COUNTER -> "&confirm=counter:" + layout.confirmed();
        };
        return "modbus-tcp://127.0.0.1:" + port + "?unit=" + layout.unit() + "&coil=" + layout.coil() + confirm
                + "&pulseMs=" + pulseMs + "&timeoutMs=" + timeoutMs + "&counter=holding:" + layout.counter();
    }

    /** Whether the sensor input is on now. */
    public boolean sensorOn() {
        return sensor.isSet();
    }

    /** A sensor stuck on (a unit jammed in front of it, a short in its wiring) reads on whatever happens. */
    public void stuckSensor(boolean on) {
        stuck = on;
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

    /**
     * The gate's coil: its rising edge fires the gate, counts it and, as the plan says, confirms it; a
     * pulsed sensor goes off again with the coil.
     */
    private final class GateCoil extends SimpleDigitalOut {

        GateCoil() {
            super(false);
        }

        @Override
        public void set(boolean on) {
            synchronized (VirtualPlc.this) {
                boolean rising = on && !isSet();
                super.set(on);
                if (!on && confirmation == Confirmation.PULSE) {
                    sensor.set(false);
                }
                if (rising) {
                    fire(fired.incrementAndGet());
                }
            }
        }

        private void fire(long n) {
            if (plan.missedAt(n)) {
                return;
            }
            counter.setValue((counter.toUnsignedShort() + (plan.extraAt(n) ? 2 : 1)) & 0xffff);
            if (plan.unconfirmedAt(n)) {
                return;
            }
            switch (confirmation) {
                case PULSE, LATCH -> sensor.set(true);
                case COUNTER -> confirmedCount.setValue((confirmedCount.toUnsignedShort() + 1) & 0xffff);
            }
        }
    }

    /** The latch's reset coil: while it is on, a latched sensor input is off. */
    private final class ResetCoil extends SimpleDigitalOut {

        ResetCoil() {
            super(false);
        }

        @Override
        public void set(boolean on) {
            synchronized (VirtualPlc.this) {
                super.set(on);
                if (on && confirmation == Confirmation.LATCH) {
                    sensor.set(false);
                }
            }
        }
    }
}

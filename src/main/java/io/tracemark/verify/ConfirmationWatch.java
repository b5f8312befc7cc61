package io.tracemark.verify;

import io.tracemark.core.DeviceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches one reject's confirmation, as its {@link GateConfirmation} says: armed just before the coil
 * goes on (it reads the state the confirmation must change from), then polled until it reports the
 * confirmation, and finished once it did (a latch is reset). Runs on the gate's command thread.
 */
abstract class ConfirmationWatch {

    private static final Logger LOG = LoggerFactory.getLogger(ConfirmationWatch.class);

    /** The PLC's points the watches read and write, each one Modbus exchange. */
    interface Points {
        boolean input(int address);

        int register(int address);

        void coil(int address, boolean on);
    }

    /** Reads the state before the fire; throws {@link DeviceException} when the PLC cannot be read or reset. */
    static ConfirmationWatch arm(String gate, GateConfirmation confirmation, Points plc, long unitId) {
        if (confirmation instanceof GateConfirmation.Pulse p) {
            return new Edge(plc, p.input());
        }
        if (confirmation instanceof GateConfirmation.Latch l) {
            return new Latched(gate, plc, l, unitId);
        }
        if (confirmation instanceof GateConfirmation.Counter c) {
            return new Counted(gate, plc, c.register(), unitId);
        }
        return new ConfirmationWatch() {
            @Override
            boolean poll() {
                return true;
            }
        };
    }

    /** One reading; true once the reject is confirmed (and from then on). */
    abstract boolean poll();

    /** After the confirmation: what the PLC needs (a latch is reset). */
    void finish() {
    }

    /** A pulsed input: confirmed by a rising edge after arming; an input on at arming must go off first. */
    private static final class Edge extends ConfirmationWatch {
        private final Points plc;
        private final int input;
        private boolean wasOff;
        private boolean seen;

        Edge(Points plc, int input) {
            this.plc = plc;
            this.input = input;
            this.wasOff = !plc.input(input);
        }

        @Override
        boolean poll() {
            if (!seen) {
                boolean on = plc.input(input);
                seen = on && wasOff;
                wasOff |= !on;
            }
            return seen;
        }
    }

    /** A latched input the station resets with a coil of its own. */
    private static final class Latched extends ConfirmationWatch {
        private final String gate;
        private final Points plc;
        private final GateConfirmation.Latch latch;
        private boolean seen;

        Latched(String gate, Points plc, GateConfirmation.Latch latch, long unitId) {
            this.gate = gate;
            this.plc = plc;
            this.latch = latch;
            if (plc.input(latch.input())) {
                LOG.warn("{} - latch input {} was already on before the reject of unit {}; reset before firing", gate,
                        latch.input(), unitId);
                reset();
            }
        }

        @Override
        boolean poll() {
            seen |= plc.input(latch.input());
            return seen;
        }

        @Override
        void finish() {
            reset();
        }

        /** Reset coil on until the latch reads off (the PLC took the reset), then off again. */
        private void reset() {
            plc.coil(latch.resetCoil(), true);
            try {
                boolean on = true;
                for (int reads = 0; on && reads < 20; reads++) { // each read is one round trip to the PLC
                    on = plc.input(latch.input());
                }
                if (on) {
                    throw new DeviceException(gate, "latch input " + latch.input() + " stays on with reset coil "
                            + latch.resetCoil() + " on: the PLC does not reset it");
                }
            } finally {
                plc.coil(latch.resetCoil(), false);
            }
        }
    }

    /** A holding register the PLC counts confirmed rejects in: confirmed when it went up (modulo 65536). */
    private static final class Counted extends ConfirmationWatch {
        private final String gate;
        private final Points plc;
        private final int register;
        private final long unitId;
        private final int before;
        private boolean seen;

        Counted(String gate, Points plc, int register, long unitId) {
            this.gate = gate;
            this.plc = plc;
            this.register = register;
            this.unitId = unitId;
            this.before = plc.register(register);
        }

        @Override
        boolean poll() {
            if (!seen) {
                int up = Math.floorMod(plc.register(register) - before, 1 << 16);
                seen = up > 0;
                if (up > 1) {
                    LOG.warn("{} - confirmation register {} went up by {} for the reject of unit {}", gate, register,
                            up, unitId);
                }
            }
            return seen;
        }
    }
}

package io.tracemark.verify;

/**
 * How a PLC tells the station that the reject gate really took the unit off the line, from the gate
 * URI's {@code confirm} (and {@code reset}) parameters. Modbus is request/reply: the station only ever
 * sees an input's state at the moments it reads it (Modbus Application Protocol V1.1b3, 4.1 and 4.3:
 * discrete inputs are read-only bits the I/O system provides, read with function 02), so a sensor pulse
 * that falls between two reads is lost. PLC and I/O-module practice is to stretch or latch such pulses
 * until the master has read them, or to count them in a register ("Latching - what it is and how to deal
 * with it", Domat, https://www.domat-int.com/en/latching-what-it-is-and-how-to-deal-with-it: a short
 * pulse between two readings is not seen; latched values are held for the next reading and reset over
 * Modbus; counter inputs catch shorter pulses). Each kind states what the station relies on.
 */
public sealed interface GateConfirmation {

    /** No sensor: a reject is taken as done once the coil pulse was written ({@code confirm} absent). */
    record None() implements GateConfirmation {
        @Override
        public String describe() {
            return "no confirmation";
        }
    }

    /**
     * {@code confirm=input:N}: a pulsed input, e.g. the pusher's end-position sensor, on while the unit is
     * pushed. The confirmation is the input going from off to on after the coil went on (it is read just
     * before the coil is written); an input that is still on from before must go off first, so a stuck or
     * stale input never confirms. The pulse must last longer than {@code pollMs} plus one Modbus round trip
     * (stretch it in the PLC if not); the input is read at least once before the coil is switched off.
     */
    record Pulse(int input) implements GateConfirmation {
        @Override
        public String describe() {
            return "input:" + input;
        }
    }

    /**
     * {@code confirm=latch:N&reset=coil:M}: the PLC latches the sensor's pulse in input N until the
     * station writes coil M on. The station expects the latch off before it fires (a latch found on is
     * reset first and reported), takes the latch on as the confirmation, then resets it: reset coil on,
     * until the latch reads off, then reset coil off.
     */
    record Latch(int input, int resetCoil) implements GateConfirmation {
        @Override
        public String describe() {
            return "latch:" + input + " (reset coil " + resetCoil + ")";
        }
    }

    /**
     * {@code confirm=counter:N}: the PLC counts confirmed rejects in holding register N (function 03). The
     * station reads it before it fires; the confirmation is the register going up (modulo 65536). No pulse
     * can be missed, and nothing needs resetting.
     */
    record Counter(int register) implements GateConfirmation {
        @Override
        public String describe() {
            return "counter:" + register;
        }
    }

    /** Whether there is a sensor to wait for. */
    default boolean present() {
        return !(this instanceof None);
    }

    /** The URI value, for messages: {@code input:7}, {@code latch:7 (reset coil 13)}, {@code counter:4}. */
    String describe();
}

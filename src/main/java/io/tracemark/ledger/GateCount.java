package io.tracemark.ledger;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * One reject gate's side of a job's accounting: how often the station fired the gate in the job and
 * how far the PLC's own reject counter went up meanwhile. The counter is a 16-bit holding register, so
 * its increase is taken modulo 65536.
 *
 * @param job          the job
 * @param gate         the gate's name
 * @param stationFires fires the station commanded (the PLC acknowledged the coil write)
 * @param plcStart     the counter when the job's window opened, empty when it could not be read
 * @param plcEnd       the counter at job end, empty before the end or when it could not be read
 * @param endError     why the counter could not be read at the end, if so
 */
public record GateCount(String job, String gate, long stationFires, OptionalLong plcStart, OptionalLong plcEnd,
                        Optional<String> endError) {

    /** The counter's range: a holding register is 16 bits (Modbus Application Protocol V1.1b3, 4.3). */
    static final long COUNTER_RANGE = 1 << 16;

    /** Whether both readings are there (the job ended and the counter was read at both ends). */
    public boolean checked() {
        return plcStart.isPresent() && plcEnd.isPresent();
    }

    /** The PLC's rejects in the job, when {@link #checked()}. */
    public OptionalLong plcRejects() {
        return checked() ? OptionalLong.of(Math.floorMod(plcEnd.getAsLong() - plcStart.getAsLong(), COUNTER_RANGE))
                : OptionalLong.empty();
    }

    /** Whether the PLC counted exactly the station's fires (false also when the counter was not read). */
    public boolean matches() {
        return plcRejects().isPresent() && plcRejects().getAsLong() == stationFires;
    }

    /** One line for people: the numbers, and what a difference means. */
    public String describe() {
        if (!checked()) {
            String why = endError.orElse(plcStart.isEmpty() ? "the PLC counter was not read when the job began"
                    : "the job has not ended");
            return "gate " + gate + ": station fired " + stationFires + ", PLC count not known (" + why + ")";
        }
        long plc = plcRejects().getAsLong();
        String head = "gate " + gate + ": station fired " + stationFires + ", PLC counted " + plc
                + " (counter " + plcStart.getAsLong() + " -> " + plcEnd.getAsLong() + ")";
        if (plc == stationFires) {
            return head + ", matches";
        }
        return head + ", MISMATCH: " + (plc < stationFires
                ? (stationFires - plc) + " fire(s) the PLC did not carry out; rejected units may have shipped"
                : (plc - stationFires) + " reject(s) the station did not command; units may have been rejected"
                        + " without a verdict");
    }
}

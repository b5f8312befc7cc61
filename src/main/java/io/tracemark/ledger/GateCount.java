package io.tracemark.ledger;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One reject gate's side of a job's accounting: how often the station fired the gate in the job and
 * how far the PLC's own reject counter went up meanwhile (summed over the job's times on the line).
 *
 * @param job          the job
 * @param gate         the gate's name
 * @param stationFires fires the station commanded (the PLC acknowledged the coil write)
 * @param plcRejects   the counter's increase, empty when a reading could not be taken
 * @param ended        whether the job's window closed for good (the job ended)
 * @param endError     why the counter could not be read at the end, if so
 */
public record GateCount(String job, String gate, long stationFires, OptionalLong plcRejects, boolean ended,
                        Optional<String> endError) {

    /** Whether the PLC counted exactly the station's fires over the whole job (false when not known or not ended). */
    public boolean matches() {
        return ended && plcRejects.isPresent() && plcRejects.getAsLong() == stationFires;
    }

    /**
     * The fields documents show (JSON of {@code reconcile}, {@code run --job}, the panel's status): gate, job,
     * stationFires, plcRejects (null when not known), ended, matches, detail.
     */
    public Map<String, Object> fields() {
        Map<String, Object> g = new LinkedHashMap<>();
        g.put("gate", gate);
        g.put("job", job);
        g.put("stationFires", stationFires);
        g.put("plcRejects", plcRejects.isPresent() ? plcRejects.getAsLong() : null);
        g.put("ended", ended);
        g.put("matches", matches());
        g.put("detail", describe());
        return g;
    }

    /** One line for people: the numbers, and what a difference means. */
    public String describe() {
        String head = "gate " + gate + ": station fired " + stationFires;
        if (!ended) {
            return head + " so far; the job has not ended";
        }
        if (plcRejects.isEmpty()) {
            return head + ", PLC count not known (" + endError.orElse("the PLC counter could not be read while the"
                    + " job was on the line") + ")";
        }
        long plc = plcRejects.getAsLong();
        if (plc == stationFires) {
            return head + ", PLC counted " + plc + ", matches";
        }
        return head + ", PLC counted " + plc + ", MISMATCH: " + (plc < stationFires
                ? (stationFires - plc) + " fire(s) the PLC did not carry out; rejected units may have shipped"
                : (plc - stationFires) + " reject(s) the station did not command; units may have been rejected"
                        + " without a verdict");
    }
}

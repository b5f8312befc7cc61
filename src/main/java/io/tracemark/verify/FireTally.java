package io.tracemark.verify;

import java.util.function.LongSupplier;

/**
 * What the station keeps of a counted gate's fires (see {@link CountedGate}). The gate calls it on its
 * own command thread, in order with its fires and its counter readings, so that a reading of the PLC's
 * reject counter and the station's count of fires always describe the same moment. Implementations
 * must not throw: a reject goes ahead whatever the tally does.
 */
public interface FireTally {

    /**
     * Just before the gate fires for a unit.
     *
     * @param plcCounter reads the PLC's reject counter now (one Modbus exchange), for a tally that opens a
     *                   window with this fire; throws {@link io.tracemark.core.DeviceException} when the PLC
     *                   does not answer
     */
    void beforeFire(long unitId, LongSupplier plcCounter);

    /** The PLC acknowledged the command that fires the gate for the unit. */
    void fired(long unitId);

    /** Counts nothing. */
    FireTally NONE = new FireTally() {
        @Override
        public void beforeFire(long unitId, LongSupplier plcCounter) {
        }

        @Override
        public void fired(long unitId) {
        }
    };
}

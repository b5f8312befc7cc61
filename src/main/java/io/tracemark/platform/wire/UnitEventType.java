package io.tracemark.platform.wire;

/** What happened to one printed unit, as reported to the platform. */
public enum UnitEventType {
    /** Printed and verified by the camera: commissioned, may ship. */
    VERIFIED,
    /** Printed but rejected by verification. */
    REJECTED,
    /** Sent to the printer, fate unknown; destroyed, never reprinted. */
    VOIDED,
    /** Packed into a parent (case, pallet): {@code parentCode} is set. */
    AGGREGATED,
    /** Left the factory: sale time and buyer in {@code details}. */
    SHIPPED,
    /**
     * Recalled by the producer (guideline 6.4): {@code reason} is what consumers are told, {@code details.recall}
     * the station's recall number; the public page of the code shows a red warning from then on.
     */
    RECALLED
}

package io.tracemark.core;

/**
 * The life of a code (or of one printed unit of a batch-level code) in the ledger. The names follow
 * DESIGN.md section 2; {@link #openScs()} gives the OPC UA OPEN-SCS (OPC 30260,
 * OPENSCSSerialNumberStateEnum) state for integrators, as {@code docs/code-states.md} explains.
 */
public enum CodeState {
    /** Imported, free to allocate. OPEN-SCS: Unallocated (1). */
    AVAILABLE("Unallocated", 1),
    /** Reserved for one job. OPEN-SCS: Allocated (2). */
    ALLOCATED("Allocated", 2),
    /** Sent to a printer; never sent again. OPEN-SCS: Encoded (4). */
    SENT("Encoded", 4),
    /** Printed and read back correctly: ready to ship. OPEN-SCS: Commissioned (7); Released (11) only once shipped. */
    VERIFIED("Commissioned", 7),
    /** Printed but refused by verification; the unit was rejected. OPEN-SCS: LabelScrapped (6). */
    REJECTED("LabelScrapped", 6),
    /**
     * Sent, fate unknown (fault, crash, stop); never reprinted. OPEN-SCS: SNInvalid (3), "no longer viable"
     * — not Destroyed (10), which says a product was made unusable, which nobody saw.
     */
    VOIDED("SNInvalid", 3),
    /**
     * Given back to the platform unused ({@code POST /returns}, OPEN-SCS SNReturnUnallocated). OPEN-SCS:
     * Unallocated (1) in the issuer's pool — not Released (11), which means shipped with a product.
     */
    RETURNED("Unallocated", 1),
    /**
     * Possibly printed while a database that a restore replaced was in use (allocated or sent after the
     * backup's high-water marks): never sent again. OPEN-SCS: SNInvalid (3), no longer viable.
     */
    QUARANTINED("SNInvalid", 3);

    private final String openScs;
    private final int openScsValue;

    CodeState(String openScs, int openScsValue) {
        this.openScs = openScs;
        this.openScsValue = openScsValue;
    }

    /** The OPEN-SCS serial number state's name (OPENSCSSerialNumberStateEnum), e.g. {@code SNInvalid}. */
    public String openScs() {
        return openScs;
    }

    /** Its value in OPENSCSSerialNumberStateEnum, e.g. 3. */
    public int openScsValue() {
        return openScsValue;
    }

    /** Whether this state ends a code's (or unit's) life at the station. */
    public boolean isFinal() {
        return this == VERIFIED || this == REJECTED || this == VOIDED || this == RETURNED || this == QUARANTINED;
    }
}

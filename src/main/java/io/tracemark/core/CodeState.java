package io.tracemark.core;

/**
 * The life of a code (or of one printed unit of a batch-level code) in the ledger. The names follow
 * DESIGN.md section 2; the OPC UA OPEN-SCS (OPC 30260) equivalents are given for integrators.
 */
public enum CodeState {
    /** Imported, free to allocate. OPEN-SCS: Unallocated. */
    AVAILABLE,
    /** Reserved for one job. OPEN-SCS: Allocated. */
    ALLOCATED,
    /** Sent to a printer; never sent again. OPEN-SCS: Encoded. */
    SENT,
    /** Printed and read back correctly: ready to ship. OPEN-SCS: Commissioned. */
    VERIFIED,
    /** Printed but refused by verification; the unit was rejected. OPEN-SCS: LabelScrapped. */
    REJECTED,
    /** Sent, fate unknown (fault, crash, stop); never reprinted. OPEN-SCS: Destroyed. */
    VOIDED,
    /** Given back to the platform unused. OPEN-SCS: Unallocated at the issuer. */
    RETURNED;

    /** Whether this state ends a code's (or unit's) life at the station. */
    public boolean isFinal() {
        return this == VERIFIED || this == REJECTED || this == VOIDED || this == RETURNED;
    }
}

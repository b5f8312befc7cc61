package io.tracemark.platform.wire;

/** Where a code request stands at the platform (guideline 5.5: audited, then activated). */
public enum CodeRequestStatus {
    /** Waiting for a person to audit it. */
    PENDING_AUDIT,
    /** Audited and activated: its range can be downloaded. */
    ACTIVATED,
    /** Refused by the auditor (or automatically: mandatory information missing). */
    REFUSED
}

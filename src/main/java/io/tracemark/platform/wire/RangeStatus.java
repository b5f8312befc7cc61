package io.tracemark.platform.wire;

/** Where an activated range stands. */
public enum RangeStatus {
    /** Activated, not yet acknowledged by the station. */
    ACTIVATED,
    /** The station imported it. */
    ACCEPTED,
    /** The station refused it whole; the reason is stored with it. */
    REFUSED
}

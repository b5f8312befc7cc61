package io.tracemark.ledger;

/** Whether a job still takes codes and units. */
public enum JobState {
    /** Codes may be allocated and units sent. */
    OPEN,
    /** Unused codes were released; units in flight may still get their verdict. */
    ENDED
}

package io.tracemark.line;

/** Commands of the PackML state model; faults issue {@link #ABORT}. */
public enum PackMlCommand {
    RESET, START, HOLD, UNHOLD, SUSPEND, UNSUSPEND, COMPLETE, STOP, ABORT, CLEAR, STATE_COMPLETE
}

package io.tracemark.line;

import java.util.Set;

/**
 * The line's states after the PackML state model (ISA-TR88.00.02). Acting states (ending in -ing)
 * complete by themselves; wait states change only on a command or a fault.
 */
public enum PackMlState {
    STOPPED, RESETTING, IDLE, STARTING, EXECUTE,
    HOLDING, HELD, UNHOLDING,
    SUSPENDING, SUSPENDED, UNSUSPENDING,
    COMPLETING, COMPLETE,
    STOPPING, ABORTING, ABORTED, CLEARING;

    /** Whether the state finishes by itself (PackML "acting" state). */
    public boolean isActing() {
        return Set.of(RESETTING, STARTING, HOLDING, UNHOLDING, SUSPENDING, UNSUSPENDING, COMPLETING,
                STOPPING, ABORTING, CLEARING).contains(this);
    }

    /** The coarse status shown on the panel: running, paused, stopped or fault. */
    public String panelStatus() {
        return switch (this) {
            case EXECUTE, STARTING, UNHOLDING, UNSUSPENDING, COMPLETING -> "running";
            case HOLDING, HELD, SUSPENDING, SUSPENDED -> "paused";
            case ABORTING, ABORTED, CLEARING -> "fault";
            default -> "stopped";
        };
    }
}

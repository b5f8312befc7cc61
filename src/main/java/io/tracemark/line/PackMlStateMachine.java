package io.tracemark.line;

import static io.tracemark.line.PackMlState.*;

import io.tracemark.core.TracemarkException;
import java.util.EnumSet;
import java.util.Set;

/**
 * The PackML transitions (ISA-TR88.00.02 figure "state model"). {@link PackMlCommand#STATE_COMPLETE}
 * ends an acting state. Thread-safe; the line controller is its only writer.
 */
public final class PackMlStateMachine {

    private static final Set<PackMlState> STOPPABLE = EnumSet.of(IDLE, STARTING, EXECUTE, HOLDING, HELD,
            UNHOLDING, SUSPENDING, SUSPENDED, UNSUSPENDING, COMPLETING, COMPLETE, RESETTING);
    private static final Set<PackMlState> ABORTABLE = EnumSet.complementOf(EnumSet.of(ABORTING, ABORTED, CLEARING));

    private PackMlState state = STOPPED;

    public synchronized PackMlState state() {
        return state;
    }

    /** Whether the command is allowed in the current state. */
    public synchronized boolean allows(PackMlCommand command) {
        return next(state, command) != null;
    }

    /**
     * Applies a command.
     *
     * @return the new state
     * @throws TracemarkException naming the state and the command when the model does not allow it
     */
    public synchronized PackMlState apply(PackMlCommand command) {
        PackMlState target = next(state, command);
        if (target == null) {
            throw new TracemarkException("line is " + state + ": command " + command + " is not allowed");
        }
        state = target;
        return target;
    }

    static PackMlState next(PackMlState from, PackMlCommand command) {
        return switch (command) {
            case ABORT -> ABORTABLE.contains(from) ? ABORTING : null;
            case STOP -> STOPPABLE.contains(from) ? STOPPING : null;
            case CLEAR -> from == ABORTED ? CLEARING : null;
            case RESET -> from == STOPPED || from == COMPLETE ? RESETTING : null;
            case START -> from == IDLE ? STARTING : null;
            case HOLD -> from == EXECUTE || from == SUSPENDED ? HOLDING : null;
            case UNHOLD -> from == HELD ? UNHOLDING : null;
            case SUSPEND -> from == EXECUTE ? SUSPENDING : null;
            case UNSUSPEND -> from == SUSPENDED ? UNSUSPENDING : null;
            case COMPLETE -> from == EXECUTE ? COMPLETING : null;
            case STATE_COMPLETE -> switch (from) {
                case RESETTING -> IDLE;
                case STARTING, UNHOLDING, UNSUSPENDING -> EXECUTE;
                case HOLDING -> HELD;
                case SUSPENDING -> SUSPENDED;
                case COMPLETING -> COMPLETE;
                case STOPPING -> STOPPED;
                case ABORTING -> ABORTED;
                case CLEARING -> STOPPED;
                default -> null;
            };
        };
    }
}

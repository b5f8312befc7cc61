package io.tracemark.line;

import static io.tracemark.line.PackMlCommand.*;
import static io.tracemark.line.PackMlState.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.TracemarkException;
import org.junit.jupiter.api.Test;

class PackMlStateMachineTest {

    @Test
    void aNormalRunGoesThroughTheStandardStates() {
        PackMlStateMachine m = new PackMlStateMachine();
        assertEquals(STOPPED, m.state());
        assertEquals(RESETTING, m.apply(RESET));
        assertEquals(IDLE, m.apply(STATE_COMPLETE));
        assertEquals(STARTING, m.apply(START));
        assertEquals(EXECUTE, m.apply(STATE_COMPLETE));
        assertEquals(HOLDING, m.apply(HOLD));
        assertEquals(HELD, m.apply(STATE_COMPLETE));
        assertEquals(UNHOLDING, m.apply(UNHOLD));
        assertEquals(EXECUTE, m.apply(STATE_COMPLETE));
        assertEquals(COMPLETING, m.apply(PackMlCommand.COMPLETE));
        assertEquals(PackMlState.COMPLETE, m.apply(STATE_COMPLETE));
        assertEquals(RESETTING, m.apply(RESET));
    }

    @Test
    void abortIsAllowedFromEveryStateButTheAbortBranchAndNeedsClear() {
        for (PackMlState s : PackMlState.values()) {
            PackMlState next = PackMlStateMachine.next(s, ABORT);
            if (s == ABORTING || s == ABORTED || s == CLEARING) {
                assertNull(next, s.name());
            } else {
                assertEquals(ABORTING, next, s.name());
            }
        }
        assertEquals(CLEARING, PackMlStateMachine.next(ABORTED, CLEAR));
        assertEquals(STOPPED, PackMlStateMachine.next(CLEARING, STATE_COMPLETE));
        assertNull(PackMlStateMachine.next(ABORTED, RESET));
    }

    @Test
    void illegalCommandsThrowAndChangeNothing() {
        PackMlStateMachine m = new PackMlStateMachine();
        assertFalse(m.allows(START));
        TracemarkException e = assertThrows(TracemarkException.class, () -> m.apply(START));
        assertTrue(e.getMessage().contains("STOPPED"));
        assertEquals(STOPPED, m.state());
        assertNull(PackMlStateMachine.next(STOPPED, STOP));
        assertNull(PackMlStateMachine.next(HELD, SUSPEND));
    }

    @Test
    void panelStatusesCoverEveryState() {
        for (PackMlState s : PackMlState.values()) {
            assertTrue(java.util.Set.of("running", "paused", "stopped", "fault").contains(s.panelStatus()));
        }
        assertEquals("running", EXECUTE.panelStatus());
        assertEquals("paused", HELD.panelStatus());
        assertEquals("fault", ABORTED.panelStatus());
        assertTrue(STOPPING.isActing());
        assertFalse(IDLE.isActing());
    }
}

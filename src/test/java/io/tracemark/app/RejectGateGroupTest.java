package io.tracemark.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.sim.GatePlan;
import io.tracemark.sim.VirtualRejectGate;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Every configured gate fires for every reject; the reject counts as confirmed only when all confirmed. */
class RejectGateGroupTest {

    @Test
    void everyGateFiresAndAllMustConfirm() throws Exception {
        VirtualRejectGate pusher = new VirtualRejectGate("pusher", GatePlan.NONE, 50);
        VirtualRejectGate diverter = new VirtualRejectGate("diverter", GatePlan.parse("unconfirmedAt=2"), 50);
        try (RejectGateGroup gates = new RejectGateGroup(List.of(pusher, diverter))) {
            assertEquals("pusher+diverter", gates.name());
            assertTrue(gates.confirms());
            assertTrue(gates.reject(1).get(30, TimeUnit.SECONDS));
            assertFalse(gates.reject(2).get(30, TimeUnit.SECONDS), "the diverter did not confirm unit 2");
            assertEquals(List.of(1L, 2L), pusher.fired());
            assertEquals(List.of(1L), diverter.fired());
            assertEquals(List.of(2L), diverter.unconfirmed());
        }
    }

    @Test
    void aGateThatCannotBeCommandedFailsTheReject() {
        VirtualRejectGate broken = new VirtualRejectGate("broken", GatePlan.parse("failAt=1"), 50);
        try (RejectGateGroup gates = new RejectGateGroup(List.of(new VirtualRejectGate("ok", GatePlan.NONE, 50), broken))) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> gates.reject(7).get(30, TimeUnit.SECONDS));
            assertTrue(e.getCause().getMessage().contains("broken"), e.getCause().getMessage());
        }
    }
}

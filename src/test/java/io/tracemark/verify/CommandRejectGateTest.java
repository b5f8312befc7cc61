package io.tracemark.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.DeviceException;
import io.tracemark.device.DeviceUri;
import io.tracemark.device.TcpTransport;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The command reject gate against a local TCP fake of a gate controller. */
class CommandRejectGateTest {

    @Test
    void confirmsEachRejectByUnitAndTimesOutWithoutConfirmation() throws Exception {
        try (FakeGate fake = new FakeGate(unit -> unit != 13);
             CommandRejectGate gate = new CommandRejectGate(fake.transport(), "R{unit}\r\n", "OK {unit}",
                     Duration.ofMillis(300))) {
            assertTrue(gate.confirms());
            assertTrue(gate.reject(7).get(5, TimeUnit.SECONDS));
            assertTrue(gate.reject(8).get(5, TimeUnit.SECONDS));
            assertFalse(gate.reject(13).get(5, TimeUnit.SECONDS), "no confirmation within the timeout");
            assertEquals(List.of("R7", "R8", "R13"), fake.commands);
        }
    }

    @Test
    void gateWithoutSensorCompletesOnceCommanded() throws Exception {
        try (FakeGate fake = new FakeGate(unit -> false);
             CommandRejectGate gate = new CommandRejectGate(fake.transport(), "R{unit}\r\n", null, Duration.ofMillis(300))) {
            assertFalse(gate.confirms());
            assertTrue(gate.reject(1).get(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void unreachableGateFailsTheRejectNamingTheDevice() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (CommandRejectGate gate = new CommandRejectGate(new TcpTransport(DeviceUri.parse("tcp://127.0.0.1:" + port)),
                "R{unit}\r\n", "OK {unit}", Duration.ofMillis(300))) {
            ExecutionException e = assertThrows(ExecutionException.class, () -> gate.reject(5).get(10, TimeUnit.SECONDS));
            assertInstanceOf(DeviceException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains(Integer.toString(port)), e.getCause().getMessage());
        }
    }
}

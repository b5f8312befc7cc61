package io.tracemark.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.DeviceException;
import io.tracemark.device.DeviceUri;
import io.tracemark.device.TcpTransport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/** The command reject gate against a local TCP fake of a gate controller. */
class CommandRejectGateTest {

    /** A gate controller on 127.0.0.1: reads command lines, answers "OK n" unless told to stay silent for n. */
    private static final class FakeGate implements AutoCloseable {
        final ServerSocket server;
        final List<String> commands = new CopyOnWriteArrayList<>();

        FakeGate(IntPredicate confirms) throws Exception {
            server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
            Thread t = new Thread(() -> {
                try (Socket s = server.accept();
                     BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                     OutputStream out = s.getOutputStream()) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        commands.add(line);
                        int unit = Integer.parseInt(line.substring(1));
                        if (confirms.test(unit)) {
                            out.write(("OK " + unit + "\r\n").getBytes(StandardCharsets.US_ASCII));
                            out.flush();
                        }
                    }
                } catch (Exception ignored) {
                    // test over
                }
            });
            t.setDaemon(true);
            t.start();
        }

        TcpTransport transport() {
            return new TcpTransport(DeviceUri.parse("tcp://127.0.0.1:" + server.getLocalPort()));
        }

        @Override
        public void close() throws Exception {
            server.close();
        }
    }

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

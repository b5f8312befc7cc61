package io.tracemark.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.DeviceException;
import io.tracemark.device.DeviceUri;
import io.tracemark.device.TcpTransport;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.OptionalLong;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A generic reader over TCP that drops its connection and comes back: the scanner reports the loss
 * as a fault at once, reconnects by itself, and goes on delivering numbered results.
 */
class ScannerLinkLossTest {

    private final BlockingQueue<ReadResult> results = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    @Test
    void aLostLinkIsAFaultAndIsReconnectedWithBackoff() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             ResultStringScanner scanner = new ResultStringScanner(ScannerProfiles.builtIn("generic"),
                     new TcpTransport(DeviceUri.parse("tcp://127.0.0.1:" + server.getLocalPort())), Clock.systemUTC())) {
            scanner.setListener(results::add);
            scanner.onFault(detail -> events.add("fault " + detail));
            scanner.onRecovered(() -> events.add("recovered"));
            scanner.start();
            try (Socket first = server.accept()) {
                send(first, "1\t]d2CODE-1\r\n");
                ReadResult.Read read = assertInstanceOf(ReadResult.Read.class, next());
                assertEquals("CODE-1", read.data());
                assertEquals("]d2", read.symbologyId());
                assertEquals(OptionalLong.of(1), read.trigger());
            }
            String fault = events.poll(10, TimeUnit.SECONDS);
            assertNotNull(fault, "the loss was reported");
            assertTrue(fault.startsWith("fault ") && fault.contains("127.0.0.1"), fault);
            try (Socket second = server.accept()) {
                assertEquals("recovered", events.poll(10, TimeUnit.SECONDS));
                send(second, "2\tNOREAD\r\n3\tCODE-3\r\n");
                ReadResult.NoRead noRead = assertInstanceOf(ReadResult.NoRead.class, next());
                assertEquals(OptionalLong.of(2), noRead.trigger());
                ReadResult.Read third = assertInstanceOf(ReadResult.Read.class, next());
                assertEquals("CODE-3", third.data());
                assertEquals(OptionalLong.of(3), third.trigger());
            }
        }
    }

    @Test
    void aReaderDownAtStartIsAnErrorAndIsConnectedWhenItComesUp() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        try (ResultStringScanner scanner = new ResultStringScanner(ScannerProfiles.builtIn("generic"),
                new TcpTransport(DeviceUri.parse("tcp://127.0.0.1:" + port)), Clock.systemUTC())) {
            scanner.setListener(results::add);
            scanner.onRecovered(() -> events.add("recovered"));
            assertThrows(DeviceException.class, scanner::start);
            try (ServerSocket server = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
                 Socket link = server.accept()) {
                assertEquals("recovered", events.poll(15, TimeUnit.SECONDS));
                send(link, "7\tCODE-7\r\n");
                assertEquals(OptionalLong.of(7), next().trigger());
            }
        }
    }

    private ReadResult next() throws InterruptedException {
        ReadResult r = results.poll(10, TimeUnit.SECONDS);
        assertNotNull(r, "a result arrived");
        return r;
    }

    private static void send(Socket socket, String text) throws Exception {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}

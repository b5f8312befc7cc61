package io.tracemark.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.DeviceException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Real sockets on 127.0.0.1 and in-memory pipes: timeouts and failures, never hangs. */
class TransportTest {

    @Test
    void tcpReadsWritesAndTimesOut() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            TcpTransport t = new TcpTransport(DeviceUri.parse("tcp://127.0.0.1:" + server.getLocalPort()));
            t.open();
            try (Socket peer = server.accept()) {
                t.write("~HS".getBytes(StandardCharsets.US_ASCII));
                byte[] got = peer.getInputStream().readNBytes(3);
                assertEquals("~HS", new String(got, StandardCharsets.US_ASCII));
                assertEquals(0, t.read(new byte[16], Duration.ofMillis(50)), "nothing arrived: 0, not a hang");
                peer.getOutputStream().write('x');
                byte[] buf = new byte[16];
                assertEquals(1, t.read(buf, Duration.ofSeconds(2)));
            }
            DeviceException closed = assertThrows(DeviceException.class, () -> t.read(new byte[4], Duration.ofSeconds(2)));
            assertTrue(closed.getMessage().contains("connection closed by the device"), closed.getMessage());
            assertTrue(closed.getMessage().startsWith("tcp://127.0.0.1:"));
            t.close();
        }
    }

    @Test
    void tcpReadNowTakesOnlyWhatHasArrivedAndNeverWaits() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            TcpTransport t = new TcpTransport(DeviceUri.parse("tcp://127.0.0.1:" + server.getLocalPort()));
            t.open();
            try (Socket peer = server.accept()) {
                byte[] buf = new byte[16];
                assertEquals(0, t.readNow(buf), "nothing there: 0 at once");
                peer.getOutputStream().write("abc".getBytes(StandardCharsets.US_ASCII));
                peer.getOutputStream().flush();
                StringBuilder got = new StringBuilder();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (got.length() < 3 && System.nanoTime() < deadline) { // until the bytes have arrived
                    int n = t.readNow(buf);
                    got.append(new String(buf, 0, n, StandardCharsets.US_ASCII));
                }
                assertEquals("abc", got.toString());
                assertEquals(0, t.readNow(buf), "all taken");
            } finally {
                t.close();
            }
        }
    }

    @Test
    void tcpWriteToAPeerThatStopsReadingFailsAfterTheWriteTimeout() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            TcpTransport t = new TcpTransport(DeviceUri.parse("tcp://127.0.0.1:" + server.getLocalPort()
                    + "?writeTimeoutMs=300"));
            t.open();
            try (Socket ignored = server.accept()) {
                byte[] block = new byte[1 << 20];
                DeviceException e = assertThrows(DeviceException.class, () -> {
                    for (int i = 0; i < 256; i++) {
                        t.write(block);
                    }
                });
                assertTrue(e.getMessage().contains("timed out after 300 ms"), e.getMessage());
            }
        }
    }

    @Test
    void tcpConnectFailureAndReconnectGiveUpWithTheAttemptsNamed() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        TcpTransport t = new TcpTransport(DeviceUri.parse("tcp://127.0.0.1:" + port));
        assertThrows(DeviceException.class, t::open);
        DeviceException e = assertThrows(DeviceException.class, () -> t.reconnect(
                new Backoff(Duration.ofMillis(10), Duration.ofMillis(20), 2), Duration.ofMillis(100)));
        assertTrue(e.getMessage().matches(".*reconnect failed after \\d+ attempts in 100 ms.*"), e.getMessage());
    }

    @Test
    void inMemoryPairCarriesBytesBothWaysAndCloseReachesThePeer() {
        InMemoryTransport.Pair pair = InMemoryTransport.pair("p");
        pair.host().write("^XA^XZ".getBytes(StandardCharsets.US_ASCII));
        byte[] buf = new byte[64];
        assertEquals(6, pair.device().read(buf, Duration.ofSeconds(1)));
        assertEquals(0, pair.host().read(buf, Duration.ofMillis(20)));
        pair.device().write(new byte[] {2, 3});
        pair.device().close();
        assertEquals(2, pair.host().read(buf, Duration.ofSeconds(1)), "bytes sent before the close still arrive");
        DeviceException e = assertThrows(DeviceException.class, () -> pair.host().read(buf, Duration.ofSeconds(1)));
        assertTrue(e.getMessage().startsWith("mem://p"));
        assertThrows(DeviceException.class, () -> pair.host().write(new byte[1]));
    }
}

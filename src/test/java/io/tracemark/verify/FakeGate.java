package io.tracemark.verify;

import io.tracemark.device.DeviceUri;
import io.tracemark.device.TcpTransport;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntPredicate;

/**
 * A reject gate controller on 127.0.0.1 speaking the {@link CommandRejectGate} default protocol: reads
 * command lines {@code R<unit>}, answers {@code OK <unit>} unless told to stay silent for that unit.
 * Public so the station's composition tests (package {@code app}) use it as their gate.
 */
public final class FakeGate implements AutoCloseable {

    final ServerSocket server;
    /** The command lines received, in order, without line ends. */
    public final List<String> commands = new CopyOnWriteArrayList<>();

    /** @param confirms which units get an {@code OK <unit>} answer */
    public FakeGate(IntPredicate confirms) throws Exception {
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
        }, "fake-gate");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    TcpTransport transport() {
        return new TcpTransport(DeviceUri.parse("tcp://127.0.0.1:" + server.getLocalPort()));
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}

package io.tracemark.sim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reject gate with a command interface on TCP: the command {@code R<unit>} (CR LF) fires the
 * {@link VirtualRejectGate}; when its sensor confirms, the answer is {@code OK <unit>}; when the gate
 * cannot be commanded, {@code ERR <unit>}; an unconfirmed reject gets no answer. Matches the
 * station's default gate command {@code R{unit}\r\n} with {@code confirm=OK {unit}}.
 */
public final class GateServer implements AutoCloseable {

    private static final Pattern COMMAND = Pattern.compile("R(-?[0-9]+)");

    private final VirtualRejectGate gate;
    private final LoopbackServer server;

    /** Listens on 127.0.0.1:{@code port} (0 = a free port). */
    public GateServer(VirtualRejectGate gate, int port) {
        this.gate = gate;
        this.server = new LoopbackServer("virtual-gate", port, this::serve);
    }

    public int port() {
        return server.port();
    }

    private void serve(Socket s) {
        try {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            String line;
            while ((line = in.readLine()) != null) {
                Matcher m = COMMAND.matcher(line.trim());
                if (!m.matches()) {
                    answer(s, out, "ERR unknown command\r\n");
                    continue;
                }
                long unit = Long.parseLong(m.group(1));
                gate.reject(unit).whenComplete((confirmed, failure) -> {
                    if (failure != null) {
                        answer(s, out, "ERR " + unit + "\r\n");
                    } else if (confirmed) {
                        answer(s, out, "OK " + unit + "\r\n");
                    }
                });
            }
        } catch (IOException ignored) {
            // the station went away
        }
    }

    private static void answer(Socket s, OutputStream out, String text) {
        try {
            synchronized (s) {
                out.write(text.getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException e) {
            LoopbackServer.closeQuietly(s);
        }
    }

    @Override
    public void close() {
        server.close();
    }
}

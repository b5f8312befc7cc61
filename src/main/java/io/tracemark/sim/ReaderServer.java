package io.tracemark.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The result-string output of a fixed-mount reader on TCP, in the generic scanner profile's format
 * with the reader's trigger number: {@code <trigger>TAB[AIM id]<data>CRLF}, a no-read as
 * {@code <trigger>TABNOREAD CRLF}. Every connected client gets every result from the moment it
 * connected; results while nobody listens are lost, as with a real reader's TCP output.
 */
public final class ReaderServer implements AutoCloseable {

    private final LoopbackServer server;

    /** Listens on 127.0.0.1:{@code port} (0 = a free port). */
    public ReaderServer(int port) {
        this.server = new LoopbackServer("virtual-reader", port, ReaderServer::hold);
    }

    public int port() {
        return server.port();
    }

    /** The result line of a read: trigger number, tab, symbology identifier and data. */
    public static String readLine(long trigger, String symbologyId, String data) {
        return trigger + "\t" + symbologyId + data + "\r\n";
    }

    /** The result line of a no-read. */
    public static String noReadLine(long trigger) {
        return trigger + "\tNOREAD\r\n";
    }

    /** Sends one result line to every connected client. */
    public void publish(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        for (Socket s : server.clients()) {
            try {
                OutputStream out = s.getOutputStream();
                synchronized (s) {
                    out.write(bytes);
                    out.flush();
                }
            } catch (IOException e) {
                LoopbackServer.closeQuietly(s);
            }
        }
    }

    /** Number of connected clients. */
    public int clients() {
        return server.clients().size();
    }

    /**
     * Waits until at least {@code n} clients are connected (from then on they get every result).
     *
     * @return false when {@code within} passed first
     */
    public boolean awaitClients(int n, Duration within) throws InterruptedException {
        return server.awaitClients(n, within);
    }

    /** Keeps a connection open until the client closes it (commands sent to the reader are ignored). */
    private static void hold(Socket s) {
        try (InputStream in = s.getInputStream()) {
            byte[] buffer = new byte[256];
            while (in.read(buffer) >= 0) {
                // a generic reader has no commands
            }
        } catch (IOException ignored) {
            // the client went away
        }
    }

    @Override
    public void close() {
        server.close();
    }
}

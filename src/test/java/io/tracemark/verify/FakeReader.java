package io.tracemark.verify;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A fake fixed-mount reader on 127.0.0.1: accepts one connection, writes whatever the test sends
 * (each vendor's output format) and records the commands it receives, byte for byte. Public so the
 * station's composition tests (package {@code app}) drive a real result-string scanner with it too.
 */
public final class FakeReader implements AutoCloseable {

    private final ServerSocket server;
    private final CompletableFuture<Socket> client = new CompletableFuture<>();
    public final BlockingQueue<Integer> received = new LinkedBlockingQueue<>();

    public FakeReader() throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::serve, "fake-reader");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void serve() {
        try {
            Socket s = server.accept();
            client.complete(s);
            InputStream in = s.getInputStream();
            int b;
            while ((b = in.read()) >= 0) {
                received.add(b);
            }
        } catch (IOException e) {
            client.completeExceptionally(e);
        }
    }

    public void send(String text) throws Exception {
        send(text.getBytes(StandardCharsets.UTF_8));
    }

    public void send(byte[] bytes) throws Exception {
        OutputStream out = client.get(5, TimeUnit.SECONDS).getOutputStream();
        out.write(bytes);
        out.flush();
    }

    /** The next {@code n} bytes the station sent, waiting for them. */
    public String nextCommand(int n) throws InterruptedException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            Integer b = received.poll(5, TimeUnit.SECONDS);
            if (b == null) {
                break;
            }
            sb.append((char) b.intValue());
        }
        return sb.toString();
    }

    @Override
    public void close() throws IOException {
        server.close();
        client.thenAccept(s -> {
            try {
                s.close();
            } catch (IOException e) {
                // closing
            }
        });
    }
}

package io.tracemark.sim;

import io.tracemark.core.DeviceException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A TCP server on 127.0.0.1 that hands each connection to a handler on its own daemon thread. */
final class LoopbackServer implements AutoCloseable {

    private final String name;
    private final ServerSocket server;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /**
     * Binds now (port 0 = a free one) and starts accepting.
     *
     * @param handler serves one connection until it closes; the socket is closed afterwards
     * @throws DeviceException when the port cannot be bound
     */
    LoopbackServer(String name, int port, Consumer<Socket> handler) {
        this.name = name;
        try {
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new DeviceException(name, "cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        daemon(() -> accept(handler), name + "-accept");
    }

    int port() {
        return server.getLocalPort();
    }

    /** The connections open now. */
    Set<Socket> clients() {
        return clients;
    }

    /**
     * Waits until at least {@code n} connections are open (woken by each connection the server takes).
     *
     * @return false when {@code within} passed first
     */
    boolean awaitClients(int n, Duration within) throws InterruptedException {
        return awaitSize(clients, n, within);
    }

    /**
     * Waits until {@code set} holds at least {@code n} elements; whoever adds to it does so synchronized
     * on it and notifies it.
     *
     * @return false when {@code within} passed first
     */
    static boolean awaitSize(Set<?> set, int n, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        synchronized (set) {
            while (set.size() < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(set, left);
            }
            return true;
        }
    }

    private void accept(Consumer<Socket> handler) {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
                s.setTcpNoDelay(true);
            } catch (IOException e) {
                return;
            }
            synchronized (clients) {
                clients.add(s);
                clients.notifyAll();
            }
            daemon(() -> {
                try {
                    handler.accept(s);
                } finally {
                    clients.remove(s);
                    closeQuietly(s);
                }
            }, name + "-client");
        }
    }

    private static void daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        t.start();
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing: nothing to do about it
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        clients.forEach(LoopbackServer::closeQuietly);
    }
}

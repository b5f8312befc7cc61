package io.tracemark.sim;

import io.tracemark.core.DeviceException;
import io.tracemark.printer.ExtendedStatus;
import io.tracemark.printer.HostStatus;
import io.tracemark.printer.PrinterProfile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A ZPL printer on TCP (127.0.0.1): accepts formats ({@code ^DF}/{@code ^XF} included), answers
 * {@code ~HS} and {@code ~HQES} truthfully from its own state, prints at a set speed, renders each
 * label with a {@link LabelRenderer}, hands it to listeners and optionally writes it as PNG. Faults
 * come from a seeded {@link FaultPlan} and behave as on a real Zebra printer (silent on {@code ~HS}
 * with the head open; paper out stops printing and says so; {@code ^JZN} means a label cut short by
 * paper or ribbon out is not printed again). The same class serves tests, benches and the demo.
 */
public final class VirtualPrinter implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VirtualPrinter.class);

    /**
     * How to build a virtual printer.
     *
     * @param name            a name for logs
     * @param port            TCP port on 127.0.0.1, 0 for any free one
     * @param profile         the printer model it plays (resolution, label size, media)
     * @param labelsPerSecond print speed; 0 or infinity prints instantly
     * @param faults          what goes wrong, and when
     * @param renderer        draws labels; null for {@link PlaceholderRenderer}
     * @param outDir          where to write each label as PNG, or null
     */
    public record Settings(String name, int port, PrinterProfile profile, double labelsPerSecond, FaultPlan faults,
                           LabelRenderer renderer, Path outDir) {

        public Settings {
            Objects.requireNonNull(profile, "profile");
            faults = faults == null ? FaultPlan.NONE : faults;
            renderer = renderer == null ? new PlaceholderRenderer(profile.printWidthDots(), profile.labelLengthDots())
                    : renderer;
        }

        /** An instant printer for {@code profile} on a free port, no faults. */
        public static Settings instant(PrinterProfile profile) {
            return new Settings("virtual-printer", 0, profile, 0, FaultPlan.NONE, null, null);
        }

        public Settings withFaults(FaultPlan plan) {
            return new Settings(name, port, profile, labelsPerSecond, plan, renderer, outDir);
        }

        public Settings withSpeed(double labelsPerSec) {
            return new Settings(name, port, profile, labelsPerSec, faults, renderer, outDir);
        }

        public Settings withRenderer(LabelRenderer r) {
            return new Settings(name, port, profile, labelsPerSecond, faults, r, outDir);
        }

        public Settings withOutDir(Path dir) {
            return new Settings(name, port, profile, labelsPerSecond, faults, renderer, dir);
        }

        public Settings withPort(int p) {
            return new Settings(name, p, profile, labelsPerSecond, faults, renderer, outDir);
        }

        public Settings withName(String n) {
            return new Settings(n, port, profile, labelsPerSecond, faults, renderer, outDir);
        }
    }

    private final Settings settings;
    private final PrintEngine engine;
    private final Set<Socket> clients = ConcurrentHashMap.newKeySet();
    private final AtomicLong bytesReceived = new AtomicLong();
    private final AtomicLong connections = new AtomicLong();
    private ServerSocket server;
    private Thread printThread;
    private volatile boolean closed;

    public VirtualPrinter(Settings settings) {
        this.settings = settings;
        this.engine = new PrintEngine(settings.profile(), settings.labelsPerSecond(), settings.faults(),
                settings.renderer(), this::dropConnections, settings.outDir() == null ? null : this::writePng);
    }

    /**
     * Starts listening on 127.0.0.1 and printing.
     *
     * @return the port bound (the free one chosen when the settings say 0)
     * @throws DeviceException when the port cannot be bound
     */
    public synchronized int start() {
        if (server != null) {
            return server.getLocalPort();
        }
        try {
            if (settings.outDir() != null) {
                Files.createDirectories(settings.outDir());
            }
            server = new ServerSocket();
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port()));
        } catch (IOException e) {
            throw new DeviceException("virtual printer " + settings.name(), "cannot listen on 127.0.0.1:"
                    + settings.port() + ": " + e.getMessage(), e);
        }
        printThread = daemon(engine::run, "virtual-printer-print " + settings.name());
        daemon(this::acceptLoop, "virtual-printer-accept " + settings.name());
        LOG.info("virtual printer {} listening on 127.0.0.1:{} ({}, {} labels/s, faults: {})", settings.name(),
                server.getLocalPort(), settings.profile().name(), settings.labelsPerSecond() <= 0 ? "instant"
                        : settings.labelsPerSecond(), settings.faults());
        return server.getLocalPort();
    }

    /** The port listened on (after {@link #start()}). */
    public int port() {
        return server.getLocalPort();
    }

    /** {@code tcp://127.0.0.1:PORT} of this printer. */
    public String uri() {
        return "tcp://127.0.0.1:" + port();
    }

    /** Adds a listener for printed labels (called on the print thread, in print order). */
    public void addListener(PrintedLabelListener listener) {
        engine.addListener(listener);
    }

    /** Removes a listener. */
    public void removeListener(PrintedLabelListener listener) {
        engine.removeListener(listener);
    }

    /** Labels printed so far (partial ones included). */
    public long printedCount() {
        return engine.printed();
    }

    /** Faults and damaged labels so far: the truth for tests. */
    public List<FaultRecord> faultLog() {
        return engine.faults();
    }

    /** The state as {@code ~HS} would report it (also while the head is open and ~HS is silent). */
    public HostStatus hostStatus() {
        return engine.hostStatus(false);
    }

    /** The state as {@code ~HQES} reports it. */
    public ExtendedStatus extendedStatus() {
        return engine.extendedStatus();
    }

    /** Operator action: reload paper, replace ribbon, close the head, press resume. */
    public void clearFault() {
        engine.clearFault();
    }

    /** Operator action: load a new roll of labels (paper out ends; an open head stays open). */
    public void reloadPaper() {
        engine.reloadPaper();
    }

    /** Operator action: fit a new ribbon (ribbon out ends). */
    public void replaceRibbon() {
        engine.replaceRibbon();
    }

    /** Operator action: open or close the print head. */
    public void setHeadOpen(boolean open) {
        engine.setHeadOpen(open);
    }

    /**
     * A hardware error only {@code ~HQES} reports, with group 1 bits no name covers (e.g.
     * {@code 0x00400000}; 0 clears it): printing stops, {@code ~HS} looks clean.
     */
    public void setUnnamedErrors(long bits) {
        engine.setUnnamedErrors(bits);
    }

    /** Operator action: press pause (true) or resume (false). */
    public void setPaused(boolean paused) {
        engine.setPaused(paused);
    }

    /** Whether a label cut short by paper or ribbon out is printed again ({@code ^JZ}; Y by default). */
    public boolean reprintAfterError() {
        return engine.reprintAfterError();
    }

    /** Bytes received from hosts so far. */
    public long bytesReceived() {
        return bytesReceived.get();
    }

    /** Connections accepted so far. */
    public long connectionCount() {
        return connections.get();
    }

    /** The settings this printer runs with. */
    public Settings settings() {
        return settings;
    }

    /** Closes every host connection now (the printer keeps its buffer), as a network drop does. */
    public void dropConnections() {
        for (Socket s : clients) {
            closeQuietly(s);
        }
        LOG.info("virtual printer {} dropped {} connection(s)", settings.name(), clients.size());
    }

    @Override
    public synchronized void close() {
        closed = true;
        engine.close();
        if (server != null) {
            closeQuietly(server);
        }
        dropConnections();
        if (printThread != null) {
            try {
                printThread.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                socket.setTcpNoDelay(true);
                synchronized (this) { // close() holds this monitor: a connection accepted while it ran is refused
                    if (closed) {
                        closeQuietly(socket);
                        return;
                    }
                    clients.add(socket);
                }
                connections.incrementAndGet();
                daemon(() -> serve(socket), "virtual-printer-session " + settings.name());
            } catch (IOException e) {
                if (!closed) {
                    LOG.warn("virtual printer {} accept failed: {}", settings.name(), e.getMessage());
                }
            }
        }
    }

    private void serve(Socket socket) {
        ZplStreamParser parser = new ZplStreamParser();
        byte[] buffer = new byte[8192];
        try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                bytesReceived.addAndGet(n);
                for (ZplStreamParser.Item item : parser.feed(buffer, n)) {
                    slowLink();
                    String reply = null;
                    if (item instanceof ZplStreamParser.Control c) {
                        reply = engine.control(c.command(), parser.partialFormat());
                    } else if (item instanceof ZplStreamParser.Format f) {
                        reply = engine.accept(f.zpl(), text -> send(out, text));
                    } else if (item instanceof ZplStreamParser.Download d) {
                        engine.download(d);
                    } else if (item instanceof ZplStreamParser.Sgd g) {
                        reply = engine.sgd(g.line());
                    }
                    if (reply != null) {
                        send(out, reply);
                    }
                }
            }
        } catch (IOException e) {
            LOG.debug("virtual printer {} session ended: {}", settings.name(), e.getMessage());
        } finally {
            clients.remove(socket);
        }
    }

    /** Writes a reply; the print thread ({@code ^HV}) and the session thread share the stream. */
    private static void send(OutputStream out, String text) {
        synchronized (out) {
            try {
                out.write(text.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException e) {
                LOG.debug("virtual printer reply lost: {}", e.getMessage());
            }
        }
    }

    /** Fonts the printer holds from {@code ~DY} downloads, by name (e.g. {@code E:TMCJK.TTF}): the truth for tests. */
    public java.util.Map<String, byte[]> fonts() {
        return engine.fonts();
    }

    private void slowLink() throws IOException {
        long ms = settings.faults().slowLinkMs();
        if (ms > 0) {
            try {
                Thread.sleep(ms);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
    }

    private void writePng(PrintedLabel label) {
        Path file = settings.outDir().resolve(String.format("label-%06d.png", label.seq()));
        try {
            ImageIO.write(label.image().get(), "png", file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static Thread daemon(Runnable body, String name) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // already closed or broken: nothing more to do
        }
    }
}

package io.tracemark.verify;

import io.tracemark.core.DeviceException;
import io.tracemark.device.Transport;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A reject gate commanded over a device {@link Transport} (a PLC, an I/O module): sends a command
 * made from a template ({@code R{unit}\r\n}, {@code {unit}} replaced by the unit id) and, when a
 * confirmation pattern is given, waits for a line matching it within the timeout. The pattern may
 * use {@code {unit}} too (e.g. {@code OK {unit}}); without it, confirmations are matched to rejects
 * in order. Quirks are data: template, pattern, timeout.
 */
public final class CommandRejectGate implements RejectGate {

    private static final Logger LOG = LoggerFactory.getLogger(CommandRejectGate.class);

    private final Transport transport;
    private final String commandTemplate;
    private final String confirmTemplate;
    private final Duration timeout;
    private final Map<Long, CompletableFuture<Boolean>> waiting = new LinkedHashMap<>();
    private final ScheduledExecutorService timer;
    private final StringBuilder line = new StringBuilder();
    private Thread reader;
    private volatile boolean closed;

    /**
     * @param commandTemplate the command, {@code {unit}} replaced by the unit id
     * @param confirmPattern  regular expression a confirmation line must match ({@code {unit}} allowed);
     *                        null when the gate has no confirmation sensor
     * @param timeout         how long to wait for a confirmation
     */
    public CommandRejectGate(Transport transport, String commandTemplate, String confirmPattern, Duration timeout) {
        this.transport = transport;
        this.commandTemplate = commandTemplate;
        this.confirmTemplate = confirmPattern;
        this.timeout = timeout;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gate-timer " + transport.uri().raw());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public String name() {
        return transport.uri().raw();
    }

    @Override
    public boolean confirms() {
        return confirmTemplate != null;
    }

    @Override
    public CompletableFuture<Boolean> reject(long unitId) {
        if (closed) {
            return CompletableFuture.failedFuture(new DeviceException(name(), "gate is closed"));
        }
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        try {
            synchronized (this) {
                transport.open();
                startReader();
                if (confirms()) {
                    waiting.put(unitId, done);
                }
                transport.write(commandTemplate.replace("{unit}", Long.toString(unitId)).getBytes(StandardCharsets.US_ASCII));
            }
        } catch (DeviceException e) {
            synchronized (this) {
                waiting.remove(unitId);
            }
            return CompletableFuture.failedFuture(e);
        }
        if (!confirms()) {
            done.complete(true);
            return done;
        }
        timer.schedule(() -> {
            boolean late;
            synchronized (this) {
                late = waiting.remove(unitId) != null;
            }
            if (late) {
                LOG.warn("{} - no confirmation for unit {} within {} ms", name(), unitId, timeout.toMillis());
                done.complete(false);
            }
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        return done;
    }

    private void startReader() {
        if (reader == null || !reader.isAlive()) {
            reader = new Thread(this::readLoop, "gate-reader " + name());
            reader.setDaemon(true);
            reader.start();
        }
    }

    private void readLoop() {
        byte[] buffer = new byte[256];
        while (!closed) {
            int n;
            try {
                n = transport.read(buffer, Duration.ofMillis(200));
            } catch (DeviceException e) {
                if (!closed) {
                    LOG.warn("{} - link lost: {}", name(), e.getMessage());
                    failWaiting(e);
                }
                return;
            }
            for (int i = 0; i < n; i++) {
                char c = (char) (buffer[i] & 0xff);
                if (c == '\n' || c == '\r') {
                    if (line.length() > 0) {
                        confirmed(line.toString());
                        line.setLength(0);
                    }
                } else if (line.length() < 1024) {
                    line.append(c);
                }
            }
        }
    }

    private void confirmed(String text) {
        CompletableFuture<Boolean> done = null;
        synchronized (this) {
            Iterator<Map.Entry<Long, CompletableFuture<Boolean>>> it = waiting.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<Long, CompletableFuture<Boolean>> e = it.next();
                if (matches(text, e.getKey())) {
                    done = e.getValue();
                    it.remove();
                    break;
                }
            }
        }
        if (done != null) {
            done.complete(true);
        } else {
            LOG.debug("{} - line '{}' confirms no waiting reject", name(), text);
        }
    }

    private boolean matches(String text, long unitId) {
        String pattern = confirmTemplate.replace("{unit}", Long.toString(unitId));
        Matcher m = Pattern.compile(pattern).matcher(text);
        return m.matches();
    }

    private void failWaiting(DeviceException e) {
        Map<Long, CompletableFuture<Boolean>> failed;
        synchronized (this) {
            failed = new LinkedHashMap<>(waiting);
            waiting.clear();
        }
        failed.values().forEach(f -> f.completeExceptionally(e));
    }

    @Override
    public void close() {
        closed = true;
        timer.shutdownNow();
        transport.close();
        failWaiting(new DeviceException(name(), "gate closed"));
    }
}

package io.tracemark.verify;

import io.tracemark.core.DeviceException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed-mount reader that decodes by itself and reports result strings (Cognex DataMan, Keyence
 * SR, Datalogic Matrix, ...): the {@link ScannerProfile} says how results end, what a no-read looks
 * like and which commands trigger it. One reader thread per scanner.
 */
public final class ResultStringScanner implements Scanner {

    private static final Logger LOG = LoggerFactory.getLogger(ResultStringScanner.class);

    private final ScannerProfile profile;
    private final ScannerLink link;
    private final Clock clock;
    private final ScanCounter counter = new ScanCounter();
    private Thread reader;
    private volatile boolean running;

    public ResultStringScanner(ScannerProfile profile, ScannerLink link, Clock clock) {
        this.profile = profile;
        this.link = link;
        this.clock = clock;
    }

    @Override
    public String name() {
        return profile.name() + "@" + link.name();
    }

    @Override
    public void setListener(Consumer<ReadResult> listener) {
        counter.setListener(listener);
    }

    @Override
    public synchronized void start() {
        if (reader != null) {
            throw new IllegalStateException(name() + " already started");
        }
        InputStream in;
        try {
            link.open();
            in = link.input();
        } catch (IOException e) {
            throw new DeviceException(name(), "cannot connect: " + e.getMessage(), e);
        }
        running = true;
        reader = new Thread(() -> readLoop(in), "scanner-" + profile.name());
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop(InputStream in) {
        ResultFramer framer = new ResultFramer(profile, clock, counter::deliver);
        byte[] buffer = new byte[4096];
        try {
            int n;
            while (running && (n = in.read(buffer)) >= 0) {
                framer.feed(buffer, n);
            }
            if (running) {
                LOG.warn("{}: connection closed by the reader", name());
            }
        } catch (IOException e) {
            if (running) {
                LOG.warn("{}: connection lost: {}", name(), e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.error("{}: listener failed; reader stopped", name(), e);
        }
    }

    /** Sends the profile's trigger command; a profile without one (continuous readers) ignores this. */
    @Override
    public void trigger(boolean on) {
        var command = on ? profile.triggerOn() : profile.triggerOff();
        if (command.isEmpty()) {
            return;
        }
        try {
            OutputStream out = link.output();
            synchronized (this) {
                out.write((command.get() + profile.commandTerminator()).getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
        } catch (IOException e) {
            throw new DeviceException(name(), "cannot send trigger " + (on ? "on" : "off") + " command '"
                    + command.get() + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        Thread t;
        synchronized (this) {
            running = false;
            t = reader;
        }
        link.close();
        if (t != null) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public ScanCounts counts() {
        return counter.snapshot();
    }
}

package io.tracemark.verify;

import io.tracemark.core.DeviceException;
import io.tracemark.device.Backoff;
import io.tracemark.device.Transport;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed-mount reader that decodes by itself and reports result strings (Cognex DataMan, Keyence
 * SR, Datalogic Matrix, ...): the {@link ScannerProfile} says how results end, what a no-read looks
 * like and which commands trigger it. It runs on any {@link Transport} (TCP, serial, in-memory).
 * One reader thread per scanner. A lost link is a fault ({@link #onFault}) and is reconnected with
 * backoff ({@link #onRecovered} when it is back).
 */
public final class ResultStringScanner implements Scanner {

    private static final Logger LOG = LoggerFactory.getLogger(ResultStringScanner.class);

    private final ScannerProfile profile;
    private static final Duration READ_SLICE = Duration.ofMillis(200);
    private static final Backoff RECONNECT = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(5), 2.0);
    /** One round of reconnect attempts; rounds repeat while the scanner runs (stop is seen between rounds). */
    private static final Duration RECONNECT_ROUND = Duration.ofSeconds(2);

    private final Transport link;
    private final Clock clock;
    private final ScanCounter counter = new ScanCounter();
    private final DeliveryThread delivery;
    private volatile Consumer<String> faults = detail -> { };
    private volatile Runnable recovered = () -> { };

    public ResultStringScanner(ScannerProfile profile, Transport link, Clock clock) {
        this.profile = profile;
        this.link = link;
        this.clock = clock;
        this.delivery = new DeliveryThread(name());
    }

    @Override
    public String name() {
        return profile.name() + "@" + link.uri();
    }

    @Override
    public void setListener(Consumer<ReadResult> listener) {
        counter.setListener(listener);
    }

    @Override
    public synchronized void start() {
        delivery.requireNotStarted();
        profile.unverified().ifPresent(why -> LOG.warn("{}: profile {} is unverified: {}", name(), profile.name(), why));
        DeviceException unreachable = null;
        try {
            link.open();
        } catch (DeviceException e) {
            unreachable = e;
        }
        boolean connected = unreachable == null;
        // a reader down at start-up is connected as soon as it is up: the thread starts either way
        delivery.start("scanner-" + profile.name(), () -> {
            if (connected || reconnect()) {
                readLoop();
            }
        });
        if (unreachable != null) {
            throw unreachable;
        }
    }

    @Override
    public void onFault(Consumer<String> listener) {
        this.faults = listener;
    }

    @Override
    public void onRecovered(Runnable listener) {
        this.recovered = listener;
    }

    /**
     * Reads results until stopped. A lost link is reported as a fault at once, then reconnected with
     * backoff (attempts logged at most once a minute); a result cut by the loss is dropped.
     */
    private void readLoop() {
        byte[] buffer = new byte[4096];
        while (delivery.running()) {
            ResultFramer framer = new ResultFramer(profile, clock, counter::deliver);
            try {
                while (delivery.running()) {
                    int n = link.read(buffer, READ_SLICE);
                    framer.feed(buffer, n);
                }
            } catch (DeviceException e) {
                if (!delivery.running()) {
                    return;
                }
                LOG.warn("{}: connection lost: {}; reconnecting", name(), e.getMessage());
                faults.accept(name() + ": connection lost: " + e.getMessage());
                if (!reconnect()) {
                    return;
                }
            } catch (RuntimeException e) {
                LOG.error("{}: listener failed; reader stopped", name(), e);
                faults.accept(name() + ": reader stopped: " + e);
                return;
            }
        }
    }

    /** Reconnects until it works or the scanner is stopped; true when connected again. */
    private boolean reconnect() {
        long lastLog = System.nanoTime();
        int attempts = 0;
        while (delivery.running()) {
            try {
                link.reconnect(RECONNECT, RECONNECT_ROUND);
                LOG.info("{}: reconnected", name());
                recovered.run();
                return true;
            } catch (DeviceException e) {
                attempts++;
                if (System.nanoTime() - lastLog > Duration.ofMinutes(1).toNanos()) {
                    LOG.warn("{}: still not reconnected after {} rounds: {}", name(), attempts, e.getMessage());
                    lastLog = System.nanoTime();
                }
            }
        }
        return false;
    }

    /** True when the profile says {@code trigger: software}: the station sends the trigger command per unit. */
    @Override
    public boolean triggeredPerUnit() {
        return profile.softwareTrigger();
    }

    /** Sends the profile's trigger command; a profile without one (continuous readers) ignores this. */
    @Override
    public void trigger(boolean on) {
        var command = on ? profile.triggerOn() : profile.triggerOff();
        if (command.isEmpty()) {
            return;
        }
        try {
            link.write((command.get() + profile.commandTerminator()).getBytes(StandardCharsets.ISO_8859_1));
        } catch (DeviceException e) {
            throw new DeviceException(name(), "cannot send trigger " + (on ? "on" : "off") + " command '"
                    + command.get() + "': " + e.getMessage(), e);
        }
    }

    @Override
    public void stop() {
        delivery.stop(link::close);
    }

    @Override
    public ScanCounts counts() {
        return counter.snapshot();
    }
}

package io.tracemark.verify;

import io.tracemark.core.DeviceException;
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
 * One reader thread per scanner.
 */
public final class ResultStringScanner implements Scanner {

    private static final Logger LOG = LoggerFactory.getLogger(ResultStringScanner.class);

    private final ScannerProfile profile;
    private static final Duration READ_SLICE = Duration.ofMillis(200);

    private final Transport link;
    private final Clock clock;
    private final ScanCounter counter = new ScanCounter();
    private final DeliveryThread delivery;

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
        link.open();
        delivery.start("scanner-" + profile.name(), this::readLoop);
    }

    private void readLoop() {
        ResultFramer framer = new ResultFramer(profile, clock, counter::deliver);
        byte[] buffer = new byte[4096];
        try {
            while (delivery.running()) {
                int n = link.read(buffer, READ_SLICE);
                framer.feed(buffer, n);
            }
        } catch (DeviceException e) {
            if (delivery.running()) {
                LOG.warn("{}: connection lost: {}", name(), e.getMessage());
            }
        } catch (RuntimeException e) {
            LOG.error("{}: listener failed; reader stopped", name(), e);
        }
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

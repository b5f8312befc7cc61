package io.tracemark.verify;

import io.tracemark.core.DeviceException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scanner made of a camera whose images the station decodes: frames from an {@link ImageSource}
 * go through the {@link FrameDecoder} (using the frame's code box when the source knows it) and the
 * {@link Grader}; each frame becomes a {@link ReadResult.Read} with grades and image, or a
 * {@link ReadResult.NoRead} with the image. Trigger on/off opens and closes the gate (frames taken
 * while it is closed are dropped); trigger on also asks snapshot sources for a frame.
 */
public final class DecodingScanner implements Scanner {

    private static final Logger LOG = LoggerFactory.getLogger(DecodingScanner.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final ImageSource source;
    private final FrameDecoder decoder;
    private final Grader grader;
    private final ScanCounter counter = new ScanCounter();
    private volatile boolean gateOpen = true;
    private final DeliveryThread delivery;

    public DecodingScanner(ImageSource source, FrameDecoder decoder, Grader grader) {
        this.source = source;
        this.decoder = decoder;
        this.grader = grader;
        this.delivery = new DeliveryThread(name());
    }

    @Override
    public String name() {
        return "decoding:" + source.name();
    }

    @Override
    public void setListener(Consumer<ReadResult> listener) {
        counter.setListener(listener);
    }

    @Override
    public void start() {
        delivery.start("decoding-scanner", this::loop);
    }

    private void loop() {
        while (delivery.running()) {
            try {
                Optional<Frame> frame = source.next(POLL);
                if (frame.isPresent() && gateOpen) {
                    counter.deliver(decode(frame.get()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (DeviceException e) {
                LOG.error("{}: image source failed, scanner stopped: {}", name(), e.getMessage());
                delivery.halt();
            }
        }
    }

    /** Decodes and grades one frame into a result (also usable without starting the scanner). */
    public ReadResult decode(Frame frame) {
        Optional<Decoded> d = decoder.decode(GrayImage.of(frame.image()), frame.codeBox());
        if (d.isEmpty()) {
            return new ReadResult.NoRead(frame.at(), Optional.of(frame.image()), "no symbol found in " + frame.id());
        }
        Grades grades = grader.grade(d.get());
        return new ReadResult.Read(d.get().data(), d.get().symbologyId(), Optional.of(grades),
                Optional.of(frame.image()), frame.at());
    }

    @Override
    public void trigger(boolean on) {
        gateOpen = on;
        if (on) {
            source.trigger();
        }
    }

    @Override
    public void stop() {
        delivery.stop(source::close);
    }

    @Override
    public ScanCounts counts() {
        return counter.snapshot();
    }
}

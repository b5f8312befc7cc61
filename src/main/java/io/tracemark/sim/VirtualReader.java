package io.tracemark.sim;

import io.tracemark.verify.Decoded;
import io.tracemark.verify.Frame;
import io.tracemark.verify.FrameDecoder;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The virtual line's camera as a device of its own: one thread takes every frame of the
 * {@link VirtualCamera}, counts it as a trigger, decodes it as a fixed-mount reader would and sends
 * the result string to the {@link ReaderServer}, and hands the frame to the {@link FrameServer} for
 * stations that decode images themselves. Nothing is decoded while no reader client is connected,
 * but triggers are counted all the same (the reader's trigger counter runs with the line).
 */
public final class VirtualReader implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(VirtualReader.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private final VirtualCamera camera;
    private final ReaderServer results;
    private final FrameServer frames;
    private final FrameDecoder decoder = new FrameDecoder();
    private final Thread thread;
    private volatile boolean closed;
    private long triggers;

    /** @param frames the HTTP camera interface, or null for a reader without one */
    public VirtualReader(VirtualCamera camera, ReaderServer results, FrameServer frames) {
        this.camera = camera;
        this.results = results;
        this.frames = frames;
        this.thread = new Thread(this::run, "virtual-reader");
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        while (!closed) {
            Optional<Frame> frame;
            try {
                frame = camera.next(POLL);
            } catch (InterruptedException e) {
                return;
            }
            if (frame.isEmpty()) {
                continue;
            }
            // the camera numbers its acquisitions; the reader reports that number with each result
            long trigger = frame.get().trigger().orElse(triggers + 1);
            triggers = trigger;
            try {
                if (results.clients() > 0) {
                    results.publish(result(trigger, frame.get()));
                }
                if (frames != null) {
                    frames.publish(frame.get().image());
                }
            } catch (RuntimeException e) {
                LOG.warn("virtual reader: frame {} not delivered: {}", trigger, e.toString());
            }
        }
    }

    private String result(long trigger, Frame frame) {
        Optional<Decoded> d = decoder.decode(frame.image(), frame.codeBox());
        return d.map(x -> ReaderServer.readLine(trigger, x.symbologyId(), x.data()))
                .orElseGet(() -> ReaderServer.noReadLine(trigger));
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}

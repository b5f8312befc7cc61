package io.tracemark.app;

import io.tracemark.verify.Frame;
import io.tracemark.verify.ImageSource;
import java.time.Duration;
import java.util.Optional;

/** An image source that passes another's frames on and is shown each one first (fault runs, benchmarks). */
abstract class ForwardingCamera implements ImageSource {

    private final ImageSource camera;
    private long frames;

    ForwardingCamera(ImageSource camera) {
        this.camera = camera;
    }

    /** Called with each frame before it is passed on, numbered from 1; may throw to fail the source. */
    abstract void seen(Frame frame, long number);

    @Override
    public String name() {
        return camera.name();
    }

    @Override
    public Optional<Frame> next(Duration timeout) throws InterruptedException {
        Optional<Frame> frame = camera.next(timeout);
        if (frame.isPresent()) {
            seen(frame.get(), ++frames);
        }
        return frame;
    }

    @Override
    public void trigger() {
        camera.trigger();
    }

    @Override
    public boolean triggeredPerFrame() {
        return camera.triggeredPerFrame();
    }

    @Override
    public int waiting() {
        return camera.waiting();
    }

    @Override
    public void close() {
        camera.close();
    }
}

package io.tracemark.app;

import io.tracemark.core.DeviceException;
import io.tracemark.verify.Frame;
import io.tracemark.verify.ImageSource;
import java.time.Duration;
import java.util.Optional;

/** An image source that fails for good at a planned frame (the camera's cable pulled), for fault runs. */
final class FailingCamera implements ImageSource {

    private final ImageSource camera;
    private final long failAt;
    private long frames;

    FailingCamera(ImageSource camera, long failAt) {
        this.camera = camera;
        this.failAt = failAt;
    }

    @Override
    public String name() {
        return camera.name();
    }

    @Override
    public Optional<Frame> next(Duration timeout) throws InterruptedException {
        Optional<Frame> frame = camera.next(timeout);
        if (frame.isPresent() && failAt > 0 && ++frames >= failAt) {
            throw new DeviceException(camera.name(), "camera stopped delivering frames at frame " + frames
                    + " (fault plan camera.failAt=" + failAt + ")");
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

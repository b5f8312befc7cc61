package io.tracemark.app;

import io.tracemark.core.DeviceException;
import io.tracemark.verify.Frame;
import io.tracemark.verify.ImageSource;

/** An image source that fails for good at a planned frame (the camera's cable pulled), for fault runs. */
final class FailingCamera extends ForwardingCamera {

    private final long failAt;

    FailingCamera(ImageSource camera, long failAt) {
        super(camera);
        this.failAt = failAt;
    }

    @Override
    void seen(Frame frame, long number) {
        if (failAt > 0 && number >= failAt) {
            throw new DeviceException(name(), "camera stopped delivering frames at frame " + number
                    + " (fault plan camera.failAt=" + failAt + ")");
        }
    }
}

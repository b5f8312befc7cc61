package io.tracemark.app;

import io.tracemark.verify.Frame;
import io.tracemark.verify.ImageSource;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An image source that passes every frame on and keeps a copy of every {@code every}-th one, at
 * most {@code keep}, for benchmarks that need the camera's own frames afterwards (what decoding
 * them from JPEG or PNG would cost). Frames are copied, so a camera that reuses its buffers is safe.
 */
final class SampledCamera implements ImageSource {

    private final ImageSource camera;
    private final int every;
    private final int keep;
    private final List<BufferedImage> kept = new ArrayList<>();
    private long frames;

    SampledCamera(ImageSource camera, int every, int keep) {
        if (every < 1 || keep < 0) {
            throw new IllegalArgumentException("every " + every + " must be >= 1 and keep " + keep + " >= 0");
        }
        this.camera = camera;
        this.every = every;
        this.keep = keep;
    }

    @Override
    public String name() {
        return camera.name();
    }

    @Override
    public Optional<Frame> next(Duration timeout) throws InterruptedException {
        Optional<Frame> frame = camera.next(timeout);
        frame.ifPresent(this::maybeKeep);
        return frame;
    }

    private synchronized void maybeKeep(Frame frame) {
        if (frames++ % every == 0 && kept.size() < keep) {
            BufferedImage image = frame.image();
            kept.add(new BufferedImage(image.getColorModel(), image.copyData(null), image.isAlphaPremultiplied(), null));
        }
    }

    /** The frames kept so far, oldest first. */
    synchronized List<BufferedImage> frames() {
        return List.copyOf(kept);
    }

    @Override
    public void close() {
        camera.close();
    }
}

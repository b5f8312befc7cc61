package io.tracemark.app;

import io.tracemark.verify.Frame;
import io.tracemark.verify.ImageSource;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * An image source that passes every frame on and keeps a copy of every {@code every}-th one, at
 * most {@code keep}, for benchmarks that need the camera's own frames afterwards (what decoding
 * them from JPEG or PNG would cost). Frames are copied, so a camera that reuses its buffers is safe.
 */
final class SampledCamera extends ForwardingCamera {

    private final int every;
    private final int keep;
    private final List<BufferedImage> kept = new ArrayList<>();

    SampledCamera(ImageSource camera, int every, int keep) {
        super(camera);
        if (every < 1 || keep < 0) {
            throw new IllegalArgumentException("every " + every + " must be >= 1 and keep " + keep + " >= 0");
        }
        this.every = every;
        this.keep = keep;
    }

    @Override
    synchronized void seen(Frame frame, long number) {
        if ((number - 1) % every == 0 && kept.size() < keep) {
            BufferedImage image = frame.image();
            kept.add(new BufferedImage(image.getColorModel(), image.copyData(null), image.isAlphaPremultiplied(), null));
        }
    }

    /** The frames kept so far, oldest first. */
    synchronized List<BufferedImage> frames() {
        return List.copyOf(kept);
    }
}

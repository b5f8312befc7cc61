package io.tracemark.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.verify.Frame;
import io.tracemark.verify.ImageSource;
import java.awt.image.BufferedImage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The camera wrapper that keeps copies of some frames for the benchmark. */
class SampledCameraTest {

    /** A camera whose n-th frame is 4×4 gray, every pixel n. */
    private static final class CountingCamera implements ImageSource {
        int n;
        BufferedImage last;

        @Override
        public String name() {
            return "counting";
        }

        @Override
        public Optional<Frame> next(Duration timeout) {
            BufferedImage image = new BufferedImage(4, 4, BufferedImage.TYPE_BYTE_GRAY);
            image.getRaster().setSample(0, 0, 0, n++);
            last = image;
            return Optional.of(new Frame(image, Instant.now(), "f" + n, Optional.empty()));
        }

        @Override
        public void close() {
        }
    }

    @Test
    void keepsCopiesOfEveryNthFrameUpToTheLimitAndPassesEveryFrameOn() throws Exception {
        CountingCamera camera = new CountingCamera();
        SampledCamera sampled = new SampledCamera(camera, 3, 2);
        for (int i = 0; i < 10; i++) {
            Frame f = sampled.next(Duration.ZERO).orElseThrow();
            assertEquals(i, f.image().getRaster().getSample(0, 0, 0), "every frame passed on unchanged");
        }
        List<BufferedImage> kept = sampled.frames();
        assertEquals(2, kept.size(), "frames 0 and 3; the limit is 2");
        assertEquals(0, kept.get(0).getRaster().getSample(0, 0, 0));
        assertEquals(3, kept.get(1).getRaster().getSample(0, 0, 0));
        camera.last.getRaster().setSample(0, 0, 0, 200);
        assertTrue(kept.stream().noneMatch(k -> k.getRaster().getSample(0, 0, 0) == 200), "copies, not the camera's buffers");
    }

    @Test
    void refusesNonsenseSettings() {
        assertThrows(IllegalArgumentException.class, () -> new SampledCamera(new CountingCamera(), 0, 1));
    }
}

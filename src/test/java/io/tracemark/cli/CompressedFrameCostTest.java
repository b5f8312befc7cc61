package io.tracemark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.sim.FrameServer;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The cost of decoding camera frames as JPEG (the virtual camera's HTTP form) and PNG. */
class CompressedFrameCostTest {

    private static BufferedImage frame(long seed) {
        BufferedImage image = new BufferedImage(320, 256, BufferedImage.TYPE_BYTE_GRAY);
        Random random = new Random(seed);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int module = ((x / 8) + (y / 8)) % 2 == 0 ? 30 : 220; // a checker of 8-px modules, some noise
                image.getRaster().setSample(x, y, 0, Math.max(0, Math.min(255, module + random.nextInt(11) - 5)));
            }
        }
        return image;
    }

    @Test
    void pngComesBackExactlyAndJpegAtTheSameSizeAndClose() {
        BufferedImage original = frame(1);
        BufferedImage png = CompressedFrameCost.decode(CompressedFrameCost.png(original));
        BufferedImage jpeg = CompressedFrameCost.decode(FrameServer.jpeg(original));
        assertEquals(original.getWidth(), jpeg.getWidth());
        assertEquals(original.getHeight(), jpeg.getHeight());
        long maxJpegError = 0;
        for (int y = 0; y < original.getHeight(); y++) {
            for (int x = 0; x < original.getWidth(); x++) {
                int want = original.getRaster().getSample(x, y, 0);
                assertEquals(want, png.getRaster().getSample(x, y, 0), "PNG is lossless");
                maxJpegError = Math.max(maxJpegError, Math.abs(want - jpeg.getRaster().getSample(x, y, 0)));
            }
        }
        assertTrue(maxJpegError < 64, "JPEG of quality 0.95 keeps the modules: " + maxJpegError);
    }

    @Test
    void measuresBothFormatsOnTheFramesAndAddsThemToTheStationsCpu() {
        List<CompressedFrameCost.Format> formats = CompressedFrameCost.measure(List.of(frame(1), frame(2), frame(3)));
        assertEquals(List.of("jpeg", "png"), formats.stream().map(CompressedFrameCost.Format::name).toList());
        for (CompressedFrameCost.Format f : formats) {
            assertTrue(f.bytesMean() > 0 && f.bytesMean() < 320 * 256, f.toString());
            assertTrue(f.decodeCpuMsMean() >= 0 && f.decodeCpuMsMedian() >= 0, f.toString());
        }
        Map<String, Object> json = CompressedFrameCost.json(formats, 3, 2.0);
        assertEquals(3, json.get("frames"));
        assertEquals(Math.round((2.0 + formats.get(0).decodeCpuMsMean()) * 1000) / 1000.0,
                (double) json.get("stationCpuMsPerUnitWithJpeg"), 1e-9);
        assertTrue(CompressedFrameCost.measure(List.of()).isEmpty(), "no frames (result strings): no figures");
    }
}

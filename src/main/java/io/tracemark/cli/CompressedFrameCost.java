package io.tracemark.cli;

import io.tracemark.sim.FrameServer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * What it costs the station to turn a camera frame, as a real camera transports it, back into the
 * image its decoder reads: a JPEG as the virtual camera's HTTP server sends it (snapshot and MJPEG,
 * quality {@value FrameServer#JPEG_QUALITY}) and a PNG, each decoded by {@code ImageIO.read}, the call
 * the station's {@code MjpegImageSource} and {@code HttpSnapshotSource} make on every frame. CPU time
 * of the calling thread per frame, after one pass over the frames to warm up.
 */
final class CompressedFrameCost {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** Cost of one format: mean and median decode CPU per frame, mean size. */
    record Format(String name, double decodeCpuMsMean, double decodeCpuMsMedian, long bytesMean) {
    }

    private CompressedFrameCost() {
    }

    /** Encodes every frame as JPEG and PNG and measures decoding them; empty when there are no frames. */
    static List<Format> measure(List<BufferedImage> frames) {
        if (frames.isEmpty()) {
            return List.of();
        }
        List<byte[]> jpeg = new ArrayList<>();
        List<byte[]> png = new ArrayList<>();
        for (BufferedImage frame : frames) {
            jpeg.add(FrameServer.jpeg(frame));
            png.add(png(frame));
        }
        return List.of(decodeCost("jpeg", jpeg), decodeCost("png", png));
    }

    static byte[] png(BufferedImage frame) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        try {
            ImageIO.write(frame, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The station's decode of one transported frame. */
    static BufferedImage decode(byte[] encoded) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(encoded));
            if (image == null) {
                throw new IllegalArgumentException("no image reader for a frame of " + encoded.length + " bytes");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Format decodeCost(String name, List<byte[]> encoded) {
        encoded.forEach(CompressedFrameCost::decode); // warm-up pass
        List<Long> cpu = new ArrayList<>();
        long bytes = 0;
        for (byte[] e : encoded) {
            long before = THREADS.getCurrentThreadCpuTime();
            decode(e);
            cpu.add(THREADS.getCurrentThreadCpuTime() - before);
            bytes += e.length;
        }
        double mean = cpu.stream().mapToLong(Long::longValue).average().orElse(0);
        List<Long> sorted = cpu.stream().sorted().toList();
        return new Format(name, ms(mean), ms(sorted.get(sorted.size() / 2)), bytes / encoded.size());
    }

    private static double ms(double nanos) {
        return Math.round(nanos / 1e3) / 1e3;
    }

    /** The figures as JSON fields, next to the station's CPU per unit for frames handed over uncompressed. */
    static Map<String, Object> json(List<Format> formats, int frames, Double stationCpuMsPerUnit) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("frames", frames);
        doc.put("decodedWith", "ImageIO.read, as MjpegImageSource and HttpSnapshotSource do per frame");
        doc.put("jpegQuality", FrameServer.JPEG_QUALITY);
        for (Format f : formats) {
            doc.put(f.name() + "Bytes", f.bytesMean());
            doc.put(f.name() + "DecodeCpuMsPerFrame", f.decodeCpuMsMean());
            doc.put(f.name() + "DecodeCpuMsMedian", f.decodeCpuMsMedian());
            doc.put("stationCpuMsPerUnitWith" + Character.toUpperCase(f.name().charAt(0)) + f.name().substring(1),
                    stationCpuMsPerUnit == null ? null
                            : Math.round((stationCpuMsPerUnit + f.decodeCpuMsMean()) * 1000) / 1000.0);
        }
        return doc;
    }
}

package io.tracemark.verify;

import io.tracemark.core.DeviceException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A camera streaming MJPEG over HTTP ({@code multipart/x-mixed-replace}). A reader thread parses the
 * stream; when decoding falls behind, the oldest waiting frames are dropped (the newest matter).
 */
public final class MjpegImageSource implements ImageSource {

    private static final Logger LOG = LoggerFactory.getLogger(MjpegImageSource.class);
    private static final int BUFFERED = 4;

    private final URI url;
    private final BlockingQueue<Frame> frames = new ArrayBlockingQueue<>(BUFFERED);
    private final Thread reader;
    private volatile InputStream stream;
    private volatile boolean closed;
    private volatile boolean ended;
    private volatile String failure;

    /**
     * Connects and starts reading.
     *
     * @throws DeviceException naming the URL when it does not answer with an MJPEG stream
     */
    public MjpegImageSource(URI url, Duration connectTimeout) {
        this.url = url;
        HttpClient client = HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        HttpResponse<InputStream> response;
        try {
            response = client.send(HttpRequest.newBuilder(url).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new DeviceException(name(), "cannot open MJPEG stream: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeviceException(name(), "interrupted while opening the MJPEG stream", e);
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        Optional<String> boundary = MjpegParser.boundaryOf(type);
        if (response.statusCode() != 200 || boundary.isEmpty()) {
            throw new DeviceException(name(), "not an MJPEG stream: HTTP " + response.statusCode() + ", Content-Type '"
                    + type + "'");
        }
        stream = response.body();
        MjpegParser parser = new MjpegParser(stream, boundary.get());
        reader = new Thread(() -> read(parser), "mjpeg-" + url.getHost());
        reader.setDaemon(true);
        reader.start();
    }

    private void read(MjpegParser parser) {
        long n = 0;
        try {
            Optional<byte[]> part;
            while (!closed && (part = parser.next()).isPresent()) {
                BufferedImage image = ImageIO.read(new ByteArrayInputStream(part.get()));
                if (image == null) {
                    LOG.warn("{}: part {} of {} bytes is not an image; skipped", name(), n, part.get().length);
                    continue;
                }
                Frame frame = new Frame(image, Instant.now(), "mjpeg-" + n++, Optional.empty());
                while (!frames.offer(frame)) {
                    frames.poll();
                }
            }
        } catch (IOException e) {
            if (!closed) {
                failure = e.getMessage();
            }
        } finally {
            ended = true;
        }
    }

    @Override
    public String name() {
        return url.toString();
    }

    /**
     * @throws DeviceException when the stream broke (after the frames it delivered were taken)
     */
    @Override
    public Optional<Frame> next(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Frame f = frames.poll(Math.min(50_000_000L, Math.max(0, deadline - System.nanoTime())), TimeUnit.NANOSECONDS);
            if (f != null) {
                return Optional.of(f);
            }
            if (ended && frames.isEmpty()) {
                if (failure != null) {
                    throw new DeviceException(name(), "MJPEG stream broken: " + failure);
                }
                return Optional.empty();
            }
            if (System.nanoTime() >= deadline) {
                return Optional.empty();
            }
        }
    }

    /** True when the stream has ended and every frame was taken. */
    public boolean exhausted() {
        return ended && frames.isEmpty();
    }

    @Override
    public void close() {
        closed = true;
        try {
            InputStream s = stream;
            if (s != null) {
                s.close();
            }
        } catch (IOException e) {
            // closing
        }
    }

    /** Frames received from the stream and not yet handed to the decoder. */
    @Override
    public int waiting() {
        return frames.size();
    }

}

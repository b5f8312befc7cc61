package io.tracemark.verify;

import io.tracemark.core.DeviceException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * A camera that serves a still image on an HTTP URL: each {@link #trigger()} takes one snapshot,
 * which the next call of {@link #next} fetches and returns. Nothing is fetched without a trigger: the
 * station triggers once per printed label ({@link #triggeredPerFrame()}), so there is one request per
 * unit and no polling.
 */
public final class HttpSnapshotSource implements ImageSource {

    private final URI url;
    private final HttpClient client;
    private final Duration requestTimeout;
    private final Semaphore requests = new Semaphore(0);
    private long count;

    public HttpSnapshotSource(URI url, Duration requestTimeout) {
        this.url = url;
        this.requestTimeout = requestTimeout;
        this.client = HttpClient.newBuilder().connectTimeout(requestTimeout).build();
    }

    @Override
    public String name() {
        return url.toString();
    }

    @Override
    public void trigger() {
        requests.release();
    }

    @Override
    public boolean triggeredPerFrame() {
        return true;
    }

    /** Snapshots asked for and not fetched yet: each is a frame on its way. */
    @Override
    public int waiting() {
        return requests.availablePermits();
    }

    /**
     * Waits for a trigger, then fetches one snapshot.
     *
     * @throws DeviceException naming the URL when the camera answers with an error or a non-image
     */
    @Override
    public Optional<Frame> next(Duration timeout) throws InterruptedException {
        if (!requests.tryAcquire(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
            return Optional.empty();
        }
        HttpRequest request = HttpRequest.newBuilder(url).timeout(requestTimeout).GET().build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new DeviceException(name(), "snapshot request failed: " + e.getMessage(), e);
        }
        if (response.statusCode() != 200) {
            throw new DeviceException(name(), "snapshot request answered HTTP " + response.statusCode());
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(response.body()));
            if (image == null) {
                throw new DeviceException(name(), "snapshot of " + response.body().length + " bytes is not an image");
            }
            return Optional.of(new Frame(image, Instant.now(), "snapshot-" + count++, Optional.empty()));
        } catch (IOException e) {
            throw new DeviceException(name(), "snapshot cannot be decoded: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        requests.release(Integer.MAX_VALUE / 2);
    }
}

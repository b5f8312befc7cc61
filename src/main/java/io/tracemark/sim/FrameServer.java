package io.tracemark.sim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tracemark.core.DeviceException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * A network camera's HTTP interface on 127.0.0.1. {@code GET /snapshot} is a triggered acquisition:
 * it answers, as a JPEG, the next frame no snapshot has answered yet (the label that came into view),
 * waiting up to {@value #SNAPSHOT_WAIT_MS} ms for one; when none comes it answers the latest frame
 * again (what is still in view), or 503 before the first frame. Frames wait for their snapshot in
 * order, at most {@value #PENDING} of them (older ones are dropped: nobody triggered for them).
 * {@code GET /mjpeg} streams every frame from then on as {@code multipart/x-mixed-replace;
 * boundary=frame} with a Content-Length per part. Each part is followed by the next boundary at once,
 * so a reader has the frame without waiting for the next one.
 */
public final class FrameServer implements AutoCloseable {

    private static final String BOUNDARY = "frame";
    private static final byte[] STOP = new byte[0];
    public static final float JPEG_QUALITY = 0.95f;

    private final HttpServer server;
    private static final int PENDING = 32;
    private static final long SNAPSHOT_WAIT_MS = 2000;

    private final AtomicReference<BufferedImage> latest = new AtomicReference<>();
    private final BlockingQueue<BufferedImage> unanswered = new LinkedBlockingQueue<>(PENDING);
    private final AtomicLong snapshots = new AtomicLong();
    private final Set<BlockingQueue<byte[]>> streams = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Listens on 127.0.0.1:{@code port} (0 = a free port). */
    public FrameServer(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        } catch (IOException e) {
            throw new DeviceException("virtual camera http", "cannot listen on 127.0.0.1:" + port + ": " + e.getMessage(), e);
        }
        server.createContext("/snapshot", this::snapshot);
        server.createContext("/mjpeg", this::stream);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "virtual-camera-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Number of MJPEG streams being served. */
    public int streams() {
        return streams.size();
    }

    /** Publishes a frame: the new snapshot, and the next part of every stream. */
    public void publish(BufferedImage frame) {
        latest.set(frame);
        while (!unanswered.offer(frame)) {
            unanswered.poll();
        }
        if (!streams.isEmpty()) {
            byte[] jpeg = jpeg(frame);
            streams.forEach(q -> q.offer(jpeg));
        }
    }

    /** Snapshot requests answered so far (one per trigger of a snapshot camera). */
    public long snapshots() {
        return snapshots.get();
    }

    /** Whether anybody takes frames (a stream is open); snapshots are kept either way. */
    public boolean streaming() {
        return !streams.isEmpty();
    }

    /**
     * Waits until at least {@code n} MJPEG streams are open (woken as each stream opens); from then on
     * each gets every published frame.
     *
     * @return false when {@code within} passed first
     */
    public boolean awaitStreams(int n, Duration within) throws InterruptedException {
        return LoopbackServer.awaitSize(streams, n, within);
    }

    /** The frame as a JPEG of quality {@value #JPEG_QUALITY} (machine-vision cameras stream high quality). */
    public static byte[] jpeg(BufferedImage frame) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpg").next();
        try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(frame, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }

    private void snapshot(HttpExchange ex) throws IOException {
        snapshots.incrementAndGet();
        BufferedImage frame;
        try {
            frame = unanswered.poll(SNAPSHOT_WAIT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            frame = null;
        }
        if (frame == null) {
            frame = latest.get();
        }
        if (frame == null) {
            byte[] body = "no frame yet\n".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(503, body.length);
            ex.getResponseBody().write(body);
        } else {
            byte[] jpeg = jpeg(frame);
            ex.getResponseHeaders().set("Content-Type", "image/jpeg");
            ex.sendResponseHeaders(200, jpeg.length);
            ex.getResponseBody().write(jpeg);
        }
        ex.close();
    }

    private void stream(HttpExchange ex) throws IOException {
        BlockingQueue<byte[]> queue = new LinkedBlockingQueue<>();
        synchronized (streams) {
            streams.add(queue);
            streams.notifyAll();
        }
        ex.getResponseHeaders().set("Content-Type", "multipart/x-mixed-replace; boundary=" + BOUNDARY);
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.sendResponseHeaders(200, 0);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(("--" + BOUNDARY + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            while (!closed) {
                byte[] jpeg = queue.poll(500, TimeUnit.MILLISECONDS);
                if (jpeg == STOP) {
                    return;
                }
                if (jpeg != null) {
                    out.write(("Content-Type: image/jpeg\r\nContent-Length: " + jpeg.length + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.write(jpeg);
                    out.write(("\r\n--" + BOUNDARY + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException ignored) {
            // the client went away
        } finally {
            streams.remove(queue);
            ex.close();
        }
    }

    @Override
    public void close() {
        closed = true;
        streams.forEach(q -> q.offer(STOP));
        server.stop(0);
    }
}

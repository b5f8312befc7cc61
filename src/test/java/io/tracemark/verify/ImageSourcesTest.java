package io.tracemark.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.tracemark.core.DeviceException;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Folder, HTTP snapshot and MJPEG sources against local files and servers, decoded for real. */
class ImageSourcesTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private static final String RAW_A = "0106901234567892" + "21AAA111";
    private static final String RAW_B = "0106901234567892" + "21BBB222";

    private static byte[] png(String raw) throws IOException {
        return encode(TestSymbols.render(TestSymbols.dataMatrixGs1(raw), 6, 4), "png");
    }

    private static byte[] encode(BufferedImage img, String format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, format, out);
        return out.toByteArray();
    }

    private static String decodeData(Frame f) {
        return new FrameDecoder().decode(f.image(), Optional.empty()).orElseThrow().data();
    }

    @Test
    void folderSourceTakesCompleteFilesOldestFirstAndWaitsForPartialOnes(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("old.png"), png(RAW_A)); // present before opening: ignored
        try (FolderImageSource source = new FolderImageSource(dir, Duration.ofMillis(60))) {
            byte[] b = png(RAW_B);
            Files.write(dir.resolve("002.png"), java.util.Arrays.copyOf(b, b.length / 3)); // upload in progress
            Files.write(dir.resolve("001.png"), png(RAW_A));
            Files.write(dir.resolve("upload.tmp"), png(RAW_A));
            Files.setLastModifiedTime(dir.resolve("001.png"), FileTime.fromMillis(System.currentTimeMillis() - 5000));
            Frame first = source.next(WAIT).orElseThrow();
            assertEquals("001.png", first.id());
            assertEquals(RAW_A, decodeData(first));
            Files.write(dir.resolve("002.png"), b); // upload completes
            Frame second = source.next(WAIT).orElseThrow();
            assertEquals("002.png", second.id());
            assertEquals(RAW_B, decodeData(second));
            assertTrue(source.next(Duration.ofMillis(200)).isEmpty(), "nothing else: old, tmp and taken files are skipped");
        }
    }

    @Test
    void decodingScannerOverAFolderDeliversGradedReads(@TempDir Path dir) throws Exception {
        BlockingQueue<ReadResult> results = new LinkedBlockingQueue<>();
        try (DecodingScanner scanner = new DecodingScanner(new FolderImageSource(dir, Duration.ofMillis(30)),
                new FrameDecoder(), Grader.iso())) {
            scanner.setListener(results::add);
            scanner.start();
            Files.write(dir.resolve("unit-1.png"), png(RAW_A));
            ReadResult.Read read = assertInstanceOf(ReadResult.Read.class, results.poll(5, TimeUnit.SECONDS));
            assertEquals(RAW_A, read.data());
            assertEquals("]d2", read.symbologyId());
            assertEquals("A", read.grades().orElseThrow().overall().letter());
            assertTrue(read.image().isPresent());
            BufferedImage blank = new BufferedImage(200, 200, BufferedImage.TYPE_BYTE_GRAY);
            Files.write(dir.resolve("unit-2.png"), encode(blank, "png"));
            assertInstanceOf(ReadResult.NoRead.class, results.poll(5, TimeUnit.SECONDS));
            assertEquals(new ScanCounts(1, 1, 0), scanner.counts());
        }
    }

    @Test
    void httpSnapshotSourceFetchesOnTriggerAndNamesTheUrlOnErrors() throws Exception {
        byte[] image = png(RAW_A);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/snap", ex -> {
            ex.getResponseHeaders().add("Content-Type", "image/png");
            ex.sendResponseHeaders(200, image.length);
            ex.getResponseBody().write(image);
            ex.close();
        });
        server.createContext("/broken", ex -> {
            ex.sendResponseHeaders(503, -1);
            ex.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            try (HttpSnapshotSource snap = new HttpSnapshotSource(URI.create(base + "/snap"), WAIT)) {
                assertTrue(snap.next(Duration.ofMillis(50)).isEmpty(), "no trigger, no snapshot");
                snap.trigger();
                assertEquals(RAW_A, decodeData(snap.next(WAIT).orElseThrow()));
            }
            try (HttpSnapshotSource broken = new HttpSnapshotSource(URI.create(base + "/broken"), WAIT)) {
                broken.trigger();
                DeviceException e = assertThrows(DeviceException.class, () -> broken.next(WAIT));
                assertTrue(e.getMessage().contains("/broken") && e.getMessage().contains("503"), e.getMessage());
            }
        } finally {
            server.stop(0);
        }
    }

    @Test
    void mjpegSourceParsesPartsWithAndWithoutContentLength() throws Exception {
        List<byte[]> jpegs = List.of(
                encode(TestSymbols.render(TestSymbols.dataMatrixGs1(RAW_A), 8, 4), "jpg"),
                encode(TestSymbols.render(TestSymbols.dataMatrixGs1(RAW_B), 8, 4), "jpg"),
                encode(TestSymbols.render(TestSymbols.dataMatrixGs1(RAW_A), 8, 4), "jpg"));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/stream", ex -> {
            ex.getResponseHeaders().add("Content-Type", "multipart/x-mixed-replace; boundary=frame");
            ex.sendResponseHeaders(200, 0);
            OutputStream out = ex.getResponseBody();
            for (int i = 0; i < jpegs.size(); i++) {
                String length = i == 1 ? "" : "Content-Length: " + jpegs.get(i).length + "\r\n";
                out.write(("--frame\r\nContent-Type: image/jpeg\r\n" + length + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(jpegs.get(i));
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("--frame--\r\n".getBytes(StandardCharsets.US_ASCII));
            ex.close();
        });
        server.start();
        try (MjpegImageSource source = new MjpegImageSource(
                URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/stream"), WAIT)) {
            assertEquals(RAW_A, decodeData(source.next(WAIT).orElseThrow()));
            assertEquals(RAW_B, decodeData(source.next(WAIT).orElseThrow()));
            assertEquals(RAW_A, decodeData(source.next(WAIT).orElseThrow()));
            assertTrue(source.next(WAIT).isEmpty());
            assertTrue(source.exhausted());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void mjpegParserRejectsOversizeHeaderLines() {
        byte[] junk = ("--b\r\n" + "X".repeat(5000) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        MjpegParser parser = new MjpegParser(new ByteArrayInputStream(junk), "b");
        assertThrows(IOException.class, parser::next);
    }
}

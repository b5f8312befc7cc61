package io.tracemark.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.tracemark.platform.PlatformException.Kind;
import io.tracemark.platform.wire.UnitEvent;
import io.tracemark.platform.wire.UnitEventType;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP client against a local fake platform that answers badly on purpose. */
class HostilePlatformTest {

    private HttpServer server;
    private final CountDownLatch release = new CountDownLatch(1);
    private volatile int status = 200;
    private volatile String body = "[]";
    private volatile boolean stall;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            if (stall) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    private HttpPlatformClient client(Duration timeout) {
        return new HttpPlatformClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "t", timeout);
    }

    @Test
    void badJsonIsABadReplyNamingThePath() {
        body = "{\"ranges\": [oops";
        var e = assertThrows(PlatformException.class, () -> client(Duration.ofSeconds(5)).activatedRanges(null));
        assertEquals(Kind.BAD_REPLY, e.kind());
        assertTrue(e.getMessage().contains("GET /ranges?status=ACTIVATED"), e.getMessage());
        assertTrue(e.getMessage().contains("not the expected JSON"), e.getMessage());
        assertTrue(e.isRetriable());
    }

    @Test
    void scanAlertsThatDoNotRiseAboveTheCursorOrLackTheirCodeAreABadReply() {
        body = "[{\"sequence\": 7, \"code\": \"A\", \"reason\": \"never-issued\", \"scans\": 1,"
                + " \"firstScanAt\": \"2026-12-01T08:00:00Z\", \"lastScanAt\": \"2026-12-01T08:00:00Z\"}]";
        assertEquals(1, client(Duration.ofSeconds(5)).scanAlerts(6).size());
        var e = assertThrows(PlatformException.class, () -> client(Duration.ofSeconds(5)).scanAlerts(7));
        assertEquals(Kind.BAD_REPLY, e.kind());
        assertTrue(e.getMessage().contains("GET /scan-alerts?after=7") && e.getMessage().contains("sequence 7 after 7"),
                e.getMessage());
        body = "[{\"sequence\": 8, \"reason\": \"never-issued\", \"scans\": 1}]";
        var noCode = assertThrows(PlatformException.class, () -> client(Duration.ofSeconds(5)).scanAlerts(0));
        assertTrue(noCode.getMessage().contains("without code"), noCode.getMessage());
    }

    @Test
    void aRangeWithoutIdIsABadReply() {
        body = "[{\"productId\": \"P\", \"count\": 1, \"codes\": [\"x\"]}]";
        var e = assertThrows(PlatformException.class, () -> client(Duration.ofSeconds(5)).activatedRanges(null));
        assertEquals(Kind.BAD_REPLY, e.kind());
        assertTrue(e.getMessage().contains("without id"), e.getMessage());
    }

    @Test
    void serverErrorsAreRetriableAndCarryTheStatusAndBody() {
        status = 500;
        body = "{\"status\":500,\"error\":\"database locked\",\"problems\":[]}";
        var e = assertThrows(PlatformException.class, () -> client(Duration.ofSeconds(5)).products());
        assertEquals(Kind.SERVER_ERROR, e.kind());
        assertEquals(500, e.status());
        assertTrue(e.getMessage().contains("HTTP 500: database locked"), e.getMessage());
        assertTrue(e.isRetriable());
    }

    @Test
    void refusalsListTheFieldsAndAreNotRetriable() {
        status = 400;
        body = "{\"status\":400,\"error\":\"code request refused\",\"problems\":[{\"field\":\"quantity\",\"message\":\"0 is not 1..1000000\"}]}";
        var e = assertThrows(PlatformException.class, () -> client(Duration.ofSeconds(5)).products());
        assertEquals(Kind.REFUSED, e.kind());
        assertEquals("quantity", e.problems().get(0).field());
        assertFalse(e.isRetriable());
    }

    @Test
    void aSlowPlatformTimesOutWithinTheDeadline() {
        stall = true;
        long start = System.nanoTime();
        var e = assertThrows(PlatformException.class, () -> client(Duration.ofMillis(300)).products());
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(Kind.TIMEOUT, e.kind());
        assertTrue(e.getMessage().contains("300 ms"), e.getMessage());
        assertTrue(tookMs < 5000, "gave up after " + tookMs + " ms");
    }

    @Test
    void aReplyThatStallsHalfWayThroughItsBodyTimesOutAndTheNextCallStillWorks() throws IOException {
        server.createContext("/api/platform/v1/products", exchange -> {
            exchange.sendResponseHeaders(200, 100); // announces 100 bytes, sends 1, then nothing until released
            OutputStream out = exchange.getResponseBody();
            out.write('[');
            out.flush();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            exchange.close();
        });
        long start = System.nanoTime();
        var e = assertThrows(PlatformException.class, () -> client(Duration.ofMillis(300)).products());
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(Kind.TIMEOUT, e.kind());
        assertTrue(e.getMessage().contains("GET /products") && e.getMessage().contains("300 ms"), e.getMessage());
        assertTrue(tookMs < 5000, "gave up after " + tookMs + " ms");
        assertEquals(List.of(), client(Duration.ofSeconds(5)).producers(), "another call on a new connection");
    }

    @Test
    void anInterruptFreesTheCallerOfAStalledCall() throws Exception {
        stall = true;
        var failure = new java.util.concurrent.CompletableFuture<PlatformException>();
        Thread caller = new Thread(() -> {
            try {
                client(Duration.ofSeconds(60)).products();
                failure.complete(null);
            } catch (PlatformException e) {
                failure.complete(e);
            }
        });
        caller.start();
        while (caller.getState() != Thread.State.TIMED_WAITING) {
            Thread.onSpinWait(); // waits on the reply (timed: the deadline), not on anything of the test
        }
        caller.interrupt();
        PlatformException e = failure.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertEquals(Kind.UNREACHABLE, e.kind());
        assertTrue(e.getMessage().contains("interrupted"), e.getMessage());
    }

    @Test
    void anEventReplyThatDoesNotCountEveryEventIsABadReply() {
        body = "{\"accepted\": 5, \"duplicates\": 0, \"refused\": []}";
        var events = List.of(new UnitEvent("k", "c", "P", UnitEventType.VERIFIED, Instant.EPOCH, null, null, null, null));
        var e = assertThrows(PlatformException.class, () -> client(Duration.ofSeconds(5)).postEvents(events));
        assertEquals(Kind.BAD_REPLY, e.kind());
        assertTrue(e.getMessage().contains("counts 5 events for a batch of 1"), e.getMessage());
    }

    @Test
    void nothingListeningIsUnreachable() {
        server.stop(0);
        var e = assertThrows(PlatformException.class, () -> client(Duration.ofSeconds(2)).products());
        assertEquals(Kind.UNREACHABLE, e.kind());
        assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
    }
}

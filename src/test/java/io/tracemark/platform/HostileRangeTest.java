package io.tracemark.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.tracemark.core.CodeState;
import io.tracemark.core.TraceLevel;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.platform.reference.ReferencePlatform;
import io.tracemark.platform.wire.CodePattern;
import io.tracemark.platform.wire.CodeRange;
import io.tracemark.platform.wire.Product;
import io.tracemark.platform.wire.RangeAck;
import io.tracemark.platform.wire.RangeStatus;
import io.tracemark.store.Database;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The range puller against a fake platform handing out bad ranges: each is refused whole, nothing imported. */
class HostileRangeTest {

    private static final String GTIN = "06901234000016";

    @TempDir
    Path dir;
    private HttpServer server;
    private volatile String ranges = "[]";
    private final Map<String, RangeAck> acks = new ConcurrentHashMap<>();
    private Database db;
    private CodeLedger ledger;
    private CodeRangePuller puller;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        String products = PlatformJson.mapper().writeValueAsString(List.of(new Product("P1", "PR", "壶", "t", "s", "GB",
                "r", "l", "w", "i", "gs1", TraceLevel.ITEM, GTIN, List.of(), List.of())));
        server.createContext("/api/platform/v1/products", ex -> reply(ex, products));
        server.createContext("/api/platform/v1/ranges", ex -> {
            String path = ex.getRequestURI().getPath();
            if (path.endsWith("/ack")) {
                String id = path.split("/")[5];
                acks.put(id, PlatformJson.mapper().readValue(ex.getRequestBody(), RangeAck.class));
                reply(ex, "{}");
            } else {
                reply(ex, ranges);
            }
        });
        server.start();
        db = Database.open(dir);
        ledger = new CodeLedger(db);
        PlatformClient client = new HttpPlatformClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                "t", Duration.ofSeconds(5));
        puller = new CodeRangePuller(client, new LedgerCodeStock(ledger, db, ReferencePlatform.stationSchemes()),
                new PullerSettings(Duration.ofMinutes(1), 1, 0, Map.of(), 1, 10), new PlatformListener() { });
    }

    @AfterEach
    void stop() {
        server.stop(0);
        db.close();
    }

    private static void reply(com.sun.net.httpserver.HttpExchange ex, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String gs1(long serial) {
        return "(01)" + GTIN + "(21)" + String.format("%010d", serial);
    }

    private CodeRangePuller.PullReport pull(CodeRange... serve) throws IOException {
        ranges = PlatformJson.mapper().writeValueAsString(List.of(serve));
        return puller.pullNow();
    }

    private static CodeRange list(String id, List<String> codes) {
        return new CodeRange(id, "P1", "REQ", "gs1", codes.size(), codes, null, RangeStatus.ACTIVATED, null, Instant.EPOCH);
    }

    private static CodeRange interval(String id, long from, long to) {
        return new CodeRange(id, "P1", "REQ", "gs1", to - from + 1, null,
                new CodePattern("(01)" + GTIN + "(21)", from, to, 10, ""), RangeStatus.ACTIVATED, null, Instant.EPOCH);
    }

    @Test
    void aGoodRangeIsImportedAndAccepted() throws IOException {
        CodeRangePuller.PullReport r = pull(interval("R1", 1, 100));
        assertEquals(List.of("R1"), r.imported());
        assertTrue(acks.get("R1").accepted());
        assertEquals(100, ledger.countCodes(CodeState.AVAILABLE));
    }

    @Test
    void anOverlappingRangeIsRefusedWholeAndNothingIsImported() throws IOException {
        pull(interval("R1", 1, 100));
        CodeRangePuller.PullReport r = pull(interval("R2", 91, 150));
        assertEquals(List.of(), r.imported());
        assertEquals("R2", r.refused().get(0).rangeId());
        RangeAck ack = acks.get("R2");
        assertFalse(ack.accepted());
        assertTrue(ack.reason().contains("nothing imported"), ack.reason());
        assertEquals(10, ack.problems().size(), "the 10 overlapping codes are named: " + ack.problems());
        assertTrue(ack.problems().toString().contains("already"), ack.problems().toString());
        assertEquals(100, ledger.countCodes(CodeState.AVAILABLE), "not one code of R2 imported");
    }

    @Test
    void aRangeWithOneBadCodeIsRefusedWhole() throws IOException {
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= 50; i++) {
            codes.add(gs1(1000 + i));
        }
        codes.set(17, "(01)06901234000017(21)0000001018"); // wrong GTIN check digit, and not the product's GTIN
        CodeRangePuller.PullReport r = pull(list("R3", codes));
        assertEquals(1, r.refused().size());
        assertTrue(r.refused().get(0).problems().stream().anyMatch(p -> p.field().contains("06901234000017")),
                r.refused().get(0).problems().toString());
        assertFalse(acks.get("R3").accepted());
        assertEquals(0, ledger.countCodes(CodeState.AVAILABLE));
    }

    @Test
    void codesFailingTheSchemeAreRefusedByTheLedgerValidation() throws IOException {
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            codes.add("(01)" + GTIN + "(21)" + String.format("%021d", i));
        }
        CodeRange bad = list("R4", codes);
        CodeRangePuller.PullReport r = pull(bad);
        assertEquals(1, r.refused().size(), "AI 21 allows at most 20 characters");
        assertTrue(acks.get("R4").reason().contains("nothing imported"), acks.get("R4").reason());
        assertEquals(0, ledger.countCodes(CodeState.AVAILABLE));
    }

    @Test
    void inconsistentRangesAreRefusedBeforeTheLedgerSeesThem() throws IOException {
        CodeRange lying = new CodeRange("R5", "P1", "REQ", "gs1", 999, List.of(gs1(1), gs1(2), gs1(1)), null,
                RangeStatus.ACTIVATED, null, Instant.EPOCH);
        CodeRange stranger = new CodeRange("R6", "P-OTHER", "REQ", "gs1", 1, List.of(gs1(3)), null,
                RangeStatus.ACTIVATED, null, Instant.EPOCH);
        CodeRange huge = interval("R7", 1, 5_000_000);
        CodeRangePuller.PullReport r = pull(lying, stranger, huge);
        assertEquals(3, r.refused().size());
        assertTrue(acks.get("R5").problems().toString().contains("says 999 but the range holds 3"));
        assertTrue(acks.get("R5").problems().toString().contains("repeated"));
        assertTrue(acks.get("R6").problems().toString().contains("not a product of this station"));
        assertTrue(acks.get("R7").problems().toString().contains("exceeds"));
        assertEquals(0, ledger.countCodes(CodeState.AVAILABLE));
    }
}

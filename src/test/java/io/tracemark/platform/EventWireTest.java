package io.tracemark.platform;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.tracemark.platform.wire.EventBatch;
import io.tracemark.platform.wire.UnitEvent;
import io.tracemark.platform.wire.UnitEventType;
import io.tracemark.store.Outbox.OutboxMessage;
import com.sun.net.httpserver.HttpServer;
import io.tracemark.store.Database;
import io.tracemark.store.Outbox;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the sender puts on the wire is what the mapper made of the events before: the fast payload
 * reader gives the event the tree reader gave (kept here as the oracle), and the hand-written body
 * is byte for byte the mapper's.
 */
class EventWireTest {

    private static final UnitEvents EVENTS = new UnitEvents(job -> job.equals("J-none") ? null : "P-" + job, "line-1");

    @Test
    void theBodyIsTheMappersBytes() throws IOException {
        Random random = new Random(7);
        List<UnitEvent> events = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            Map<String, String> details = new LinkedHashMap<>();
            for (int d = random.nextInt(4); d > 0; d--) {
                details.put(text(random), text(random));
            }
            events.add(new UnitEvent(random.nextInt(9) == 0 ? null : "line-1/unit-verdict/J/" + i, text(random),
                    random.nextBoolean() ? null : text(random),
                    random.nextInt(9) == 0 ? null : UnitEventType.values()[random.nextInt(5)],
                    random.nextInt(9) == 0 ? null : Instant.ofEpochSecond(random.nextLong() % 400_000_000_000L,
                            random.nextInt(3) == 0 ? 0 : random.nextInt(1_000_000_000)),
                    random.nextBoolean() ? null : text(random), random.nextBoolean() ? null : text(random),
                    random.nextBoolean() ? null : text(random), details));
        }
        for (int n : new int[] {0, 1, 2, 200, 500}) {
            List<UnitEvent> batch = events.subList(0, n);
            assertArrayEquals(PlatformJson.mapper().writeValueAsBytes(new EventBatch(batch)), EventBatchJson.write(batch),
                    n + " events");
        }
    }

    /** Text that needs escaping now and then: quotes, backslashes, control characters, CJK, an emoji. */
    private static String text(Random random) {
        String[] parts = {"a", "Z9", "\"", "\\", "\n", "\u0001", "\u001f", "/", "批次", "\u00e9", "\ud83d\ude00", " ", "<>&", "\u2028"};
        StringBuilder out = new StringBuilder();
        for (int i = random.nextInt(6); i >= 0; i--) {
            out.append(parts[random.nextInt(parts.length)]);
        }
        return out.toString();
    }

    @Test
    void everyPayloadReadsAsTheTreeReadIt() {
        List<String> payloads = List.of(
                // what the ledger writes (CodeLedger.verdictJson), with and without reason and grade
                "{\"job\":\"J1\",\"seq\":17,\"code\":\"0106901234567892215XKQ2M\",\"state\":\"VERIFIED\",\"reason\":null,"
                        + "\"grade\":\"B\",\"at\":\"2026-12-01T08:30:00.123Z\"}",
                "{\"job\":\"J1\",\"seq\":18,\"code\":\"C\\\"q\\\\\\u0001批\",\"state\":\"REJECTED\",\"reason\":\"no read\","
                        + "\"grade\":null,\"at\":\"2026-12-01T08:30:00Z\"}",
                "{\"job\":\"J-none\",\"seq\":1,\"code\":\"C\",\"state\":\"VOIDED\",\"reason\":\"r\",\"grade\":\"A\",\"at\":\"2026-12-01T08:30:00.5Z\"}",
                // later unit.* topics: a type, a parent, a product, details of every kind
                "{\"code\":\"C\",\"type\":\"AGGREGATED\",\"state\":\"VERIFIED\",\"parent\":\"P1\",\"at\":\"2026-12-01T08:30:00Z\"}",
                "{\"code\":\"C\",\"type\":\"SHIPPED\",\"product\":\"X\",\"job\":\"J1\",\"at\":\"2026-12-01T16:30:00+08:00\","
                        + "\"details\":{\"buyer\":\"B\",\"n\":3,\"ok\":true,\"none\":null,\"grade\":\"override\"}}",
                "{\"code\":\"C\",\"state\":\"VERIFIED\",\"at\":\"2026-12-01T08:30:00Z\",\"details\":{\"f\":1.50,\"o\":{\"x\":1},\"a\":[1]}}",
                "{\"code\":\"C\",\"state\":\"VERIFIED\",\"at\":\"2026-12-01T08:30:00Z\",\"details\":[1,2]}",
                "{\"code\":\"C\",\"state\":\"VERIFIED\",\"at\":\"2026-12-01T08:30:00Z\",\"details\":\"text\"}",
                "{\"code\":\"C\",\"state\":\"VERIFIED\",\"at\":\"2026-12-01T08:30:00Z\",\"details\":{\"a\":\"1\"},\"details\":{\"b\":\"2\"}}",
                // numbers, booleans, repeated and unknown fields, nested values where text is expected
                "{\"code\":123,\"state\":\"VERIFIED\",\"seq\":\"7\",\"grade\":4.0,\"at\":\"2026-12-01T08:30:00Z\"}",
                "{\"code\":\"C\",\"state\":\"VERIFIED\",\"seq\":-0,\"grade\":true,\"at\":\"2026-12-01T08:30:00Z\"}",
                "{\"code\":\"C\",\"state\":\"VERIFIED\",\"seq\":123456789012345678901234567890,\"at\":\"2026-12-01T08:30:00Z\"}",
                "{\"code\":\"A\",\"code\":\"B\",\"state\":\"VERIFIED\",\"at\":\"2026-12-01T08:30:00Z\",\"x\":{\"y\":[1,{\"z\":2}]}}",
                "{\"code\":{\"x\":1},\"state\":\"VERIFIED\",\"at\":\"2026-12-01T08:30:00Z\"}",
                "{\"code\":\"C\",\"state\":\"VERIFIED\",\"reason\":[\"a\"],\"at\":\"2026-12-01T08:30:00Z\"}",
                "{\"code\":\"C\",\"state\":\"VERIFIED\",\"at\":\"2026-12-01T08:30:00Z\"} trailing",
                // what cannot become an event, each with its reason
                "{\"code\":\"C\",\"state\":\"PRINTED\",\"at\":\"2026-12-01T08:30:00Z\"}",
                "{\"code\":\"C\",\"state\":\"VERIFIED\",\"at\":\"2026-02-30T08:30:00Z\"}",
                "{\"code\":\"C\",\"state\":\"VERIFIED\",\"at\":\"yesterday\"}",
                "{\"code\":\"C\",\"state\":\"VERIFIED\"}",
                "{\"code\":null,\"state\":\"VERIFIED\",\"at\":\"2026-12-01T08:30:00Z\"}",
                "{\"state\":\"VERIFIED\",\"at\":\"2026-12-01T08:30:00Z\",\"code\":\"C\",\"seq\":null}",
                "[{\"code\":\"C\"}]", "\"text\"", "17", "", "{", "{\"code\":\"C\",", "{\"code\" \"C\"}", "not json");
        int id = 0;
        for (String payload : payloads) {
            OutboxMessage m = new OutboxMessage(++id, "unit.verdict", "unit-verdict/J1/" + id, payload, Instant.EPOCH, 0);
            StringBuilder whyNow = new StringBuilder();
            StringBuilder whyThen = new StringBuilder();
            assertEquals(treeEvent(m, whyThen), EVENTS.toEvent(m, whyNow), payload);
            assertEquals(whyThen.toString(), whyNow.toString(), payload);
        }
    }

    @Test
    void theLedgersPayloadsAreReadWithoutATree() throws IOException {
        String verdict = "{\"job\":\"J1\",\"seq\":17,\"code\":\"C\\\"1\",\"state\":\"VERIFIED\",\"reason\":null,"
                + "\"grade\":\"B\",\"at\":\"2026-12-01T08:30:00.123Z\"}";
        assertEquals(new StoredPayload("J1", "17", "C\"1", "VERIFIED", null, null, "B", "2026-12-01T08:30:00.123Z", null,
                null, Map.of()), StoredPayload.readFlat(verdict));
        assertEquals(null, StoredPayload.readFlat("{\"code\":\"C\",\"details\":{\"f\":1.5}}"), "a float: read as a tree");
    }

    @Test
    void theSenderPostsWhatTheMapperWroteOfTheTreeReadEvents(@TempDir Path dir) throws Exception {
        List<byte[]> bodies = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            bodies.add(body);
            int n = PlatformJson.mapper().readTree(body).get("events").size();
            byte[] reply = ("{\"accepted\":" + n + ",\"duplicates\":0,\"refused\":[]}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, reply.length);
            try (var out = exchange.getResponseBody()) {
                out.write(reply);
            }
        });
        server.start();
        try (Database db = Database.open(dir)) {
            Outbox outbox = new Outbox(db);
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                codes.add("01069012345678922150" + i + (i % 3 == 0 ? "批/é" : "")); // appendVerdicts does not escape
            }
            OutboxSenderTest.appendVerdicts(db, outbox, "J1", codes, 1);
            List<OutboxMessage> stored = outbox.pending(100);
            OutboxSender sender = new OutboxSender(db, outbox, new HttpPlatformClient(
                    URI.create("http://127.0.0.1:" + server.getAddress().getPort()), "t", Duration.ofSeconds(10)),
                    job -> "P-" + job, OutboxSenderTest.fast(10), Clock.systemUTC(), "line-1");
            while (sender.lag().backlog() > 0) {
                assertEquals(null, sender.drainOnce().error());
            }
            List<UnitEvent> expected = new ArrayList<>();
            for (OutboxMessage m : stored) {
                if (UnitEvents.reported(m.topic())) {
                    expected.add(treeEvent(m, new StringBuilder()).orElseThrow());
                }
            }
            assertEquals(3, bodies.size(), "batches of 10: 10, 10, 5 events and the local release");
            List<JsonNode> sent = new ArrayList<>();
            for (byte[] body : bodies) {
                PlatformJson.mapper().readTree(body).get("events").forEach(sent::add);
            }
            // as trees: the order of a details map is the map's, not the contract's
            JsonNode mapped = PlatformJson.mapper().valueToTree(new EventBatch(expected));
            assertEquals(25, sent.size());
            assertEquals(toList(mapped.get("events")), sent);
        } finally {
            server.stop(0);
        }
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    /** The sender's payload reading before it read token by token: a tree per payload, {@link Instant#parse}. */
    private static Optional<UnitEvent> treeEvent(OutboxMessage m, StringBuilder why) {
        try {
            JsonNode p = PlatformJson.mapper().readTree(m.payload());
            String code = text(p, "code");
            String state = text(p, "type") != null ? text(p, "type") : text(p, "state");
            String at = text(p, "at");
            if (code == null || state == null || at == null) {
                why.append("payload lacks code, state/type or at");
                return Optional.empty();
            }
            String job = text(p, "job");
            Map<String, String> details = new LinkedHashMap<>();
            if (text(p, "grade") != null) {
                details.put("grade", text(p, "grade"));
            }
            if (p.hasNonNull("seq")) {
                details.put("seq", p.get("seq").asText());
            }
            JsonNode extra = p.get("details");
            if (extra != null && extra.isObject()) {
                extra.fields().forEachRemaining(e -> details.put(e.getKey(), e.getValue().asText()));
            }
            String product = text(p, "product") != null ? text(p, "product")
                    : job == null || job.equals("J-none") ? null : "P-" + job;
            return Optional.of(new UnitEvent("line-1/" + m.key(), code, product, UnitEventType.valueOf(state),
                    Instant.parse(at), job, text(p, "reason"), text(p, "parent"), details));
        } catch (IOException | RuntimeException e) {
            why.append("unreadable payload: ").append(e.getMessage());
            return Optional.empty();
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}

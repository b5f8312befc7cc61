package io.tracemark.platform.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tracemark.contract.ContractProxy;
import io.tracemark.contract.OpenApiContract;
import io.tracemark.platform.HttpPlatformClient;
import io.tracemark.platform.PlatformClient;
import io.tracemark.platform.PlatformException;
import io.tracemark.platform.PlatformJson;
import io.tracemark.platform.wire.EventBatchResult;
import io.tracemark.platform.wire.UnitEvent;
import io.tracemark.platform.wire.UnitEventType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reference platform's refusals: a reused key with another payload, a contradicting verdict, an
 * empty key, an oversized or malformed body. Every reply goes through a contract-checking proxy and
 * must be an {@code ApiError} with a message for people.
 */
class ContractRulesTest {

    @TempDir
    Path dir;
    ReferencePlatform platform;
    ContractProxy proxy;
    PlatformClient client;
    List<String> codes;

    @BeforeEach
    void start() {
        platform = ReferencePlatform.start(0, dir, ReferencePlatformOptions.demo().withRandomSeed(3));
        platform.useSequentialSerials(SampleData.KETTLE); // these tests expand intervals
        proxy = new ContractProxy(OpenApiContract.platform(), platform.baseUrl(), HttpPlatformClient.API_PATH);
        client = new HttpPlatformClient(proxy.uri(), platform.stationToken(), Duration.ofSeconds(10));
        codes = platform.activateRange(SampleData.KETTLE, 5).pattern().expand();
    }

    @AfterEach
    void stop() {
        proxy.close();
        platform.close();
    }

    @Test
    void aReusedKeyWithAnotherPayloadIsA409NamingTheKeyAndNothingOfTheBatchIsStored() {
        client.postEvents(List.of(event("line-1/unit-verdict/J1/1", codes.get(0), UnitEventType.VERIFIED)));
        PlatformException e = assertThrows(PlatformException.class, () -> client.postEvents(List.of(
                event("line-1/unit-verdict/J1/2", codes.get(1), UnitEventType.VERIFIED),
                event("line-1/unit-verdict/J1/1", codes.get(2), UnitEventType.VERIFIED))));
        assertEquals(409, e.status());
        assertEquals("line-1/unit-verdict/J1/1", e.problems().get(0).field());
        assertTrue(e.getMessage().contains("'line-1/unit-verdict/J1/1' is already held for a different event"),
                e.getMessage());
        assertEquals(1, platform.eventCount(), "the first event of the refused batch is not stored either");
        EventBatchResult same = client.postEvents(List.of(event("line-1/unit-verdict/J1/1", codes.get(0),
                UnitEventType.VERIFIED)));
        assertEquals(1, same.duplicates(), "the same event again is a duplicate, not a conflict");
        proxy.assertConforms();
    }

    @Test
    void aVerdictContradictingTheFirstIsRefused() {
        client.postEvents(List.of(event("a", codes.get(0), UnitEventType.REJECTED),
                event("b", codes.get(1), UnitEventType.VERIFIED)));
        EventBatchResult r = client.postEvents(List.of(event("c", codes.get(0), UnitEventType.VERIFIED),
                event("d", codes.get(1), UnitEventType.REJECTED), event("e", codes.get(1), UnitEventType.VOIDED)));
        assertEquals(0, r.accepted());
        assertEquals(3, r.refused().size());
        assertEquals("c", r.refused().get(0).field());
        assertTrue(r.refused().get(0).message().contains("is VERIFIED here but already REJECTED by event a"),
                r.refused().get(0).message());
        assertTrue(r.refused().get(1).message().contains("REJECTED here but already VERIFIED by event b"));
        assertEquals(UnitEventType.REJECTED, client.codeStatus(codes.get(0)).lastEvent());
        assertEquals(2, platform.eventCount());
        proxy.assertConforms();
    }

    @Test
    void anEmptyOrMissingKeyRefusesTheWholeBatch() {
        PlatformException e = assertThrows(PlatformException.class, () -> client.postEvents(List.of(
                event("ok-1", codes.get(0), UnitEventType.VERIFIED), event("", codes.get(1), UnitEventType.VERIFIED),
                event(null, codes.get(2), UnitEventType.VERIFIED))));
        assertEquals(400, e.status());
        assertEquals(List.of("events[1].idempotencyKey", "events[2].idempotencyKey"),
                e.problems().stream().map(p -> p.field()).toList());
        assertEquals(0, platform.eventCount());
        proxy.assertResponsesConform();
    }

    @Test
    void anOversizedBodyIsA413InTheErrorShape() throws Exception {
        String big = "{\"events\":[" + ("{\"idempotencyKey\":\"" + "x".repeat(1000) + "\"},").repeat(2100) + "{}]}";
        HttpResponse<String> r = post("/api/platform/v1/events", big);
        assertEquals(413, r.statusCode());
        JsonNode body = errorBody(r);
        assertTrue(body.get("error").asText().contains("larger than 2000000 bytes"), r.body());
        proxy.assertResponsesConform();
    }

    @Test
    void malformedBodiesGetMessagesForPeopleNotParserInternals() throws Exception {
        Map<String, String> bodies = Map.of(
                "{\"events\":[{\"idempotencyKey\":\"k\",", "not valid JSON (line 1",
                "{\"productId\":\"p\",\"day\":\"2025-06-01\",\"quantity\":null,\"exact\":true}", "quantity: required: a whole number",
                "{\"productId\":\"p\",\"day\":\"1 June\",\"quantity\":1,\"exact\":true}", "day: '1 June' is not a day, YYYY-MM-DD",
                "{\"events\":[{\"idempotencyKey\":\"k\",\"code\":\"c\",\"type\":\"GOOD\",\"occurredAt\":\"2025-06-01T00:00:00Z\"}]}",
                "events[0].type: 'GOOD' is not one of VERIFIED, REJECTED",
                "{\"events\":\"all of them\"}", "events: must be a list");
        for (Map.Entry<String, String> b : bodies.entrySet()) {
            String path = b.getKey().contains("events") ? "/api/platform/v1/events" : "/api/platform/v1/daily-quantities";
            HttpResponse<String> r = post(path, b.getKey());
            assertEquals(400, r.statusCode(), r.body());
            String error = errorBody(r).get("error").asText() + " " + errorBody(r).get("problems");
            assertTrue(error.contains(b.getValue()), error);
            for (String internal : List.of("Cannot", "DeserializationConfig", "jackson", "java.", "Source:", "`")) {
                assertFalse(error.contains(internal), "'" + internal + "' in " + error);
            }
        }
        HttpResponse<String> unknown = post("/api/platform/v1/nothing-here", "{}");
        assertEquals(404, unknown.statusCode());
        errorBody(unknown);
        proxy.assertResponsesConform();
    }

    private JsonNode errorBody(HttpResponse<String> r) throws Exception {
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), r.headers().map()
                .toString());
        JsonNode body = PlatformJson.mapper().readTree(r.body());
        assertEquals(r.statusCode(), body.get("status").asInt(), r.body());
        assertTrue(body.get("problems").isArray(), r.body());
        return body;
    }

    private HttpResponse<String> post(String path, String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(proxy.uri() + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + platform.stationToken())
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static UnitEvent event(String key, String code, UnitEventType type) {
        return new UnitEvent(key, code, SampleData.KETTLE, type, Instant.parse("2025-06-01T01:00:00Z"), "J1", null,
                null, Map.of());
    }
}

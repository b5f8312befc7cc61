package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RecordsApiTest {

    private final TestStation station = new TestStation();
    private final ApiClient operator = station.signedIn("1001", "1234");
    private final ApiClient supervisor = station.signedIn("2001", "234567");

    @AfterEach
    void stop() {
        station.close();
    }

    @Test
    void unitsAreLookedUpByCode() {
        String code = StandInLine.code(1);
        ApiClient.Response unit = operator.get("/units/" + enc(code));
        assertEquals(200, unit.status(), unit.toString());
        assertEquals(code, unit.json().get("code").asText());
        assertEquals(404, operator.get("/units/" + enc("nope")).status());
    }

    @Test
    void voidNeedsASupervisorAndAReason() {
        station.badRequestsOnPurpose(); // refusals are tested: only the replies must follow the contract
        operator.post("/line/start", LineApiTest.job());
        String code = enc(StandInLine.code(3));
        ApiClient.Response noReason = supervisor.post("/units/" + code + "/void", Map.of("reason", " "));
        assertEquals(400, noReason.status());
        assertEquals(List.of("reason"), SessionApiTest.fields(noReason.json()));
        assertEquals(400, supervisor.post("/units/" + code + "/void", Map.of("reason", "x".repeat(201))).status());
        assertEquals(400, supervisor.post("/units/" + enc("bogus") + "/void", Map.of("reason", "damaged")).status());
        assertEquals(0, station.line.snapshot().counters().voided());
        assertEquals(204, supervisor.post("/units/" + code + "/void", Map.of("reason", "damaged")).status());
        assertEquals(1, station.line.snapshot().counters().voided());
        assertTrue(station.line.calls().contains("void 2001 " + StandInLine.code(3) + " damaged"));
    }

    @Test
    void rejectsAreFilteredAndHaveImages() {
        station.badRequestsOnPurpose(); // refusals are tested: only the replies must follow the contract
        operator.post("/line/start", LineApiTest.job());
        station.line.reject("no-read", "");
        station.line.produce(2);
        station.line.reject("low-grade", "D");
        JsonNode all = operator.get("/rejects").json().get("rows");
        assertEquals(2, all.size());
        assertEquals("low-grade", all.get(0).get("reason").asText(), "newest first");
        assertEquals(station.line.snapshot().job().orElseThrow().jobId(), all.get(0).get("jobId").asText());
        assertEquals(1, rows("/rejects?reason=no-read").size());
        assertEquals(1, rows("/rejects?code=S000004").size());
        assertEquals(1, rows("/rejects?limit=1").size());
        assertEquals(0, rows("/rejects?job=J-other").size());
        ApiClient.Response badLimit = operator.get("/rejects?limit=0");
        assertEquals(400, badLimit.status());
        assertEquals(List.of("limit"), SessionApiTest.fields(badLimit.json()));
        assertEquals(400, operator.get("/rejects?limit=many").status());
        ApiClient.Response badFrom = operator.get("/rejects?from=yesterday");
        assertEquals(List.of("from"), SessionApiTest.fields(badFrom.json()));
        assertEquals("time.format", badFrom.json().get("problems").get(0).get("messageKey").asText());
        ApiClient.Response badCursor = operator.get("/rejects?after=x-1");
        assertEquals(List.of("after"), SessionApiTest.fields(badCursor.json()));
        assertEquals("cursor.format", badCursor.json().get("problems").get(0).get("messageKey").asText());

        long unitId = all.get(0).get("unitId").asLong();
        ApiClient.Response image = operator.get("/rejects/" + unitId + "/image");
        assertEquals(200, image.status());
        assertEquals("image/png", image.header("Content-Type").get(0));
        assertEquals(404, operator.get("/rejects/424242/image").status());
        assertEquals(400, operator.get("/rejects/x/image").status());
    }

    @Test
    void lastLabelAndFrameAppearOnceSomethingWasPrinted() {
        assertEquals(404, operator.get("/images/last-label").status());
        assertEquals(404, operator.get("/images/last-frame").status());
        operator.post("/line/start", LineApiTest.job());
        station.line.produce(1);
        assertEquals("image/png", operator.get("/images/last-label").header("Content-Type").get(0));
        assertEquals(200, operator.get("/images/last-frame").status());
    }

    @Test
    void productsAndCodePool() {
        JsonNode products = operator.get("/products").json();
        assertEquals(2, products.size());
        assertEquals(5000, products.get(0).get("codesAvailable").asInt());
        assertEquals(5000, operator.get("/codes/pool").json().get("P-001").get("AVAILABLE").asInt());
    }

    private JsonNode rows(String path) {
        ApiClient.Response page = operator.get(path);
        assertEquals(200, page.status(), page.toString());
        return page.json().get("rows");
    }

    static String enc(String code) {
        return URLEncoder.encode(code, StandardCharsets.UTF_8);
    }
}

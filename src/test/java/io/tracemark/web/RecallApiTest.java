package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tracemark.pack.RecallFixture;
import io.tracemark.pack.Recalls;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/recall} on a real panel server and station database: a supervisor finds a batch, a pallet and a
 * unit with their buyers (contact shown), bad input is 400 naming the problem, an operator is refused, and the
 * recall notice is recorded with one RECALLED event per verified unit.
 */
class RecallApiTest {

    @Test
    void aSupervisorRecallsABatchAPalletAndAUnit() {
        try (TestStation station = new TestStation()) {
            RecallFixture r = fixture(station);
            ApiClient sup = station.signedIn("2001", "234567");
            ApiClient.Response batch = sup.get("/recall?batch=B1");
            assertEquals(200, batch.status(), batch.toString());
            JsonNode doc = batch.json();
            assertEquals(13, doc.get("units").asInt());
            assertEquals(2, doc.get("inFactory").asInt());
            assertEquals(3, doc.get("cases").size());
            assertEquals(1, doc.get("pallets").size());
            assertEquals(8, doc.get("buyers").get(0).get("units").asInt());
            assertEquals(RecallFixture.FIRST.contact(), doc.get("buyers").get(0).get("contact").asText());
            assertTrue(doc.get("contactShown").asBoolean());
            assertEquals(List.of("no-store"), batch.header("Cache-Control"));

            JsonNode pallet = sup.get("/recall?code=" + r.ssccs().get(3)).json();
            assertEquals(8, pallet.get("units").asInt());
            assertEquals(0, pallet.get("inFactory").asInt());
            JsonNode unit = sup.get("/recall?code=" + URLEncoder.encode(r.codes.get(11), StandardCharsets.UTF_8)).json();
            assertEquals(1, unit.get("inFactory").asInt());
            assertEquals(r.codes.get(11), unit.get("unitList").get(0).get("code").asText());
            JsonNode product = sup.get("/recall?product=P1&from=2026-12-01&to=2026-12-31&limit=5").json();
            assertEquals(16, product.get("units").asInt(), "counts cover every unit");
            assertEquals(5, product.get("unitList").size(), "the first 5 listed");
            assertEquals(13, station.signedIn("9001", "999999").get("/recall?batch=B1").json().get("units").asInt(),
                    "an admin too");
        }
    }

    @Test
    void badInputIsRefusedNamingTheProblem() {
        try (TestStation station = new TestStation()) {
            fixture(station);
            ApiClient sup = station.signedIn("2001", "234567");
            bad(sup, "/recall?code=NOPE", "code", "neither a unit's code nor a case's or pallet's SSCC");
            bad(sup, "/recall?batch=B9", "batch", "no job of batch B9");
            bad(sup, "/recall?product=P1&from=2026-12-09&to=2026-12-01", "from", "is after to");
            bad(sup, "/recall?product=P1&from=yesterday&to=2026-12-01", "from", "'yesterday' is not a date");
            bad(sup, "/recall", "selector", "none given");
            bad(sup, "/recall?batch=B1&code=X", "selector", "2 given");
            ApiClient.Response noReason = sup.post("/recall/notify", Map.of("batch", "B1"));
            assertEquals(400, noReason.status(), noReason.toString());
            assertEquals("reason", noReason.json().get("problems").get(0).get("field").asText(), noReason.toString());
            assertEquals(0, station.db.count("SELECT count(*) FROM recall_notices"));
        }
    }

    @Test
    void anOperatorIsRefusedAndASupervisorRecordsTheRecallNotice() {
        try (TestStation station = new TestStation()) {
            fixture(station);
            ApiClient operator = station.signedIn("1001", "1234");
            assertEquals(403, operator.get("/recall?batch=B1").status());
            assertEquals(403, operator.post("/recall/notify", Map.of("batch", "B1", "reason", "x")).status());
            assertEquals(403, operator.get("/recall/notices").status());
            assertEquals(0, station.db.count("SELECT count(*) FROM outbox WHERE topic = 'unit.recalled'"));

            ApiClient sup = station.signedIn("2001", "234567");
            ApiClient.Response notice = sup.post("/recall/notify", Map.of("batch", "B1", "reason", "温控器存在过热风险"));
            assertEquals(201, notice.status(), notice.toString());
            assertEquals(12, notice.json().get("events").asInt());
            assertEquals("2001", notice.json().get("by").asText());
            assertEquals(12, station.db.count("SELECT count(*) FROM outbox WHERE topic = 'unit.recalled'"));
            JsonNode notices = sup.get("/recall/notices").json();
            assertEquals(1, notices.size());
            assertEquals("batch B1", notices.get(0).get("selector").asText());
            assertTrue(station.auditActions().contains("2001 recall.notify"), station.auditActions().toString());
            assertFalse(station.db.count("SELECT count(*) FROM audit_log WHERE detail LIKE ?",
                    "%" + RecallFixture.FIRST.contact() + "%") > 0, "no contact in the audit log");
        }
    }

    static RecallFixture fixture(TestStation station) {
        RecallFixture r = new RecallFixture(station.db);
        station.server.useRecalls(new Recalls(station.db));
        return r;
    }

    private static void bad(ApiClient client, String path, String where, String part) {
        ApiClient.Response r = client.get(path);
        assertEquals(400, r.status(), path + ": " + r);
        assertEquals("invalid", r.json().get("key").asText(), r.toString());
        assertTrue(r.text().contains(part), r.toString());
        boolean named = false;
        for (JsonNode p : r.json().get("problems")) {
            named |= p.get("field").asText().equals(where);
        }
        assertTrue(named, r.toString());
    }
}

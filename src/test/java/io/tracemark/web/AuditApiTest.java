package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuditApiTest {

    private final TestStation station = new TestStation();

    @AfterEach
    void stop() {
        station.close();
    }

    @Test
    void supervisorsListTheTrailWithFiltersAndPages() {
        ApiClient supervisor = station.signedIn("2001", "2345");
        for (int i = 0; i < 5; i++) {
            station.signedIn("1001", "1234");
        }
        JsonNode all = supervisor.get("/audit/entries").json();
        assertEquals(6, all.get("entries").size(), all.toString());
        assertEquals(0, all.get("beforeId").asLong());
        assertEquals("signin", all.get("entries").get(0).get("action").asText());
        assertEquals("hmac-sha256", all.get("entries").get(0).get("scheme").asText());

        JsonNode page = supervisor.get("/audit/entries?actor=1001&limit=2").json();
        assertEquals(2, page.get("entries").size());
        long before = page.get("beforeId").asLong();
        JsonNode next = supervisor.get("/audit/entries?actor=1001&limit=2&before=" + before).json();
        assertEquals(2, next.get("entries").size());
        assertTrue(next.get("entries").get(0).get("id").asLong() < before);
        assertEquals(1, supervisor.get("/audit/entries?actor=2001").json().get("entries").size());
        assertEquals(6, supervisor.get("/audit/entries?action=sign&text=from").json().get("entries").size());
        assertEquals(0, supervisor.get("/audit/entries?from=2099-01-01T00:00:00Z").json().get("entries").size());
    }

    @Test
    void verifyNamesTheFirstBrokenEntry() {
        ApiClient supervisor = station.signedIn("2001", "2345");
        station.signedIn("1001", "1234");
        JsonNode ok = supervisor.get("/audit/verify").json();
        assertTrue(ok.get("intact").asBoolean(), ok.toString());
        assertEquals(2, ok.get("entriesChecked").asLong());
        station.db.inTransaction(conn -> {
            try (Statement st = conn.createStatement()) {
                return st.executeUpdate("UPDATE audit_log SET detail = 'from nowhere' WHERE id = 1");
            }
        });
        JsonNode broken = supervisor.get("/audit/verify").json();
        assertFalse(broken.get("intact").asBoolean());
        assertEquals(1, broken.get("firstBrokenEntry").asLong());
        assertEquals("from nowhere", broken.get("brokenEntry").get("detail").asText());
    }

    @Test
    void operatorsMayNotAndBadFiltersAreNamed() {
        station.badRequestsOnPurpose();
        ApiClient operator = station.signedIn("1001", "1234");
        assertEquals(403, operator.get("/audit/entries").status());
        assertEquals(403, operator.get("/audit/verify").status());
        ApiClient supervisor = station.signedIn("2001", "2345");
        ApiClient.Response bad = supervisor.get("/audit/entries?from=yesterday&limit=9999");
        assertEquals(400, bad.status());
        assertEquals(java.util.List.of("from", "limit"), SessionApiTest.fields(bad.json()));
    }
}

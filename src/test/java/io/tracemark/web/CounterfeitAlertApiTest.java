package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tracemark.platform.wire.ScanAlert;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The platform's anti-counterfeit alerts at the panel API, every exchange checked against the panel's contract. */
class CounterfeitAlertApiTest {

    private static final String FAKE = "(01)06901234000016(21)FAKE0001";
    private final TestStation station = new TestStation();

    @AfterEach
    void stop() {
        station.close();
    }

    @Test
    void anOperatorListsAndAcknowledgesAnAlertOnceAndItIsAudited() {
        Instant at = Instant.parse("2026-03-01T07:00:00Z");
        station.scanAlerts.save("platform test", List.of(new ScanAlert(1, FAKE, "P-KETTLE", ScanAlert.NEVER_ISSUED, 1, at, at),
                new ScanAlert(2, "(01)06901234000016(21)COPIED", "P-KETTLE", ScanAlert.SCANNED_UNUSUALLY_OFTEN, 20, at, at)));
        ApiClient operator = station.signedIn("1001", "1234");
        JsonNode alerts = operator.get("/platform/scan-alerts").json();
        assertEquals(2, alerts.size(), alerts.toString());
        assertTrue(alerts.get(0).get("acknowledgedBy").isNull());

        ApiClient.Response acked = operator.post("/platform/scan-alerts/ack", Map.of("code", FAKE));
        assertEquals(200, acked.status(), acked.text());
        assertEquals("1001", acked.json().get("acknowledgedBy").asText());
        assertEquals("2026-03-01T08:00:00Z", acked.json().get("acknowledgedAt").asText(), "the station's clock");
        assertEquals("1001", station.signedIn("2001", "234567").post("/platform/scan-alerts/ack", Map.of("code", FAKE))
                .json().get("acknowledgedBy").asText(), "a second acknowledgement keeps the first");
        assertEquals(1, station.auditActions().stream().filter(a -> a.equals("1001 scan-alert.ack")).count());
        JsonNode after = operator.get("/platform/scan-alerts").json();
        assertEquals("(01)06901234000016(21)COPIED", after.get(0).get("code").asText(), "unacknowledged first");
    }

    @Test
    void anUnknownCodeIsNotFoundAndAMissingOneIsNamed() {
        station.badRequestsOnPurpose();
        ApiClient operator = station.signedIn("1001", "1234");
        assertEquals(404, operator.post("/platform/scan-alerts/ack", Map.of("code", "nope")).status());
        ApiClient.Response missing = operator.post("/platform/scan-alerts/ack", Map.of());
        assertEquals(400, missing.status());
        assertEquals(List.of("code"), SessionApiTest.fields(missing.json()));
        assertEquals(401, station.client().get("/platform/scan-alerts").status());
    }
}

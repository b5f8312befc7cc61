package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AdminApiTest {

    private final TestStation station = new TestStation();
    private final ApiClient admin = station.signedIn("9001", "999999");

    @AfterEach
    void stop() {
        station.close();
    }

    @Test
    void usersAreListedWithoutPinHashes() {
        JsonNode users = admin.get("/users").json();
        assertEquals(List.of("1001", "2001", "9001"), users.findValuesAsText("id"));
        assertEquals("admin", users.get(2).get("role").asText());
        assertFalse(admin.get("/users").text().contains("pbkdf2"));
    }

    @Test
    void createUserReportsEveryProblemAndCreatesNothingOnError() {
        station.badRequestsOnPurpose(); // refusals are tested: only the replies must follow the contract
        ApiClient.Response bad = admin.post("/users", Map.of("id", "no spaces", "role", "boss", "pin", "12"));
        assertEquals(400, bad.status());
        assertEquals(List.of("id", "name", "role", "pin"), SessionApiTest.fields(bad.json()));
        assertEquals(400, admin.post("/users", Map.of("id", "1001", "name", "Dup", "role", "operator", "pin", "1111")).status());
        assertEquals(3, station.accounts.users().size());

        ApiClient.Response created = admin.post("/users", Map.of("id", "1002", "name", "Operator Chen",
                "role", "operator", "pin", "5678"));
        assertEquals(201, created.status(), created.toString());
        assertEquals(201, station.client().signIn("1002", "5678").status());
        assertTrue(station.auditActions().contains("9001 user.create"));
    }

    @Test
    void resetPinEndsSessionsAndTheOldPin() {
        station.badRequestsOnPurpose(); // refusals are tested: only the replies must follow the contract
        ApiClient operator = station.signedIn("1001", "1234");
        assertEquals(400, admin.post("/users/1001/pin", Map.of("pin", "abc")).status());
        assertEquals(200, operator.get("/me").status(), "a refused reset changes nothing");
        assertEquals(200, admin.post("/users/1001/pin", Map.of("pin", "4321")).status());
        assertEquals(401, operator.get("/me").status());
        assertEquals(401, station.client().signIn("1001", "1234").status());
        assertEquals(201, station.client().signIn("1001", "4321").status());
        assertEquals(404, admin.post("/users/nobody/pin", Map.of("pin", "4321")).status());
        assertTrue(station.auditActions().contains("9001 user.pin"));
    }

    @Test
    void theLastAdminCannotBeDisabled() {
        ApiClient.Response r = admin.post("/users/9001/disable", null);
        assertEquals(409, r.status());
        assertEquals(200, admin.get("/me").status());
        assertEquals(404, admin.post("/users/nobody/disable", null).status());
    }

    @Test
    void tokensAreCreatedListedAndRevoked() {
        station.badRequestsOnPurpose(); // refusals are tested: only the replies must follow the contract
        assertEquals(400, admin.post("/tokens", Map.of("name", "", "role", "king")).status());
        JsonNode token = admin.post("/tokens", Map.of("name", "erp", "role", "supervisor")).json();
        assertTrue(token.get("secret").asText().startsWith("tm_"));
        JsonNode listed = admin.get("/tokens").json();
        assertEquals("erp", listed.get(0).get("name").asText());
        assertFalse(listed.get(0).has("secret"));
        assertTrue(admin.delete("/tokens/" + token.get("id").asText()).json().get("revoked").asBoolean());
        assertEquals(404, admin.delete("/tokens/nope").status());
    }

    @Test
    void devicesAreTheConfiguredOnes() {
        JsonNode devices = admin.get("/devices").json();
        assertEquals("sim://printer-1", devices.get(0).get("uri").asText());
    }
}

package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionApiTest {

    private final TestStation station = new TestStation();

    @AfterEach
    void stop() {
        station.close();
    }

    @Test
    void signInSetsAStrictHttpOnlySessionCookieAndMeShowsTheRole() {
        ApiClient client = station.client();
        ApiClient.Response r = client.signIn("2001", "234567");
        assertEquals(201, r.status(), r.toString());
        String cookie = r.header("Set-Cookie").stream().filter(c -> c.startsWith("tm_session=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertEquals(43, cookie.substring("tm_session=".length(), cookie.indexOf(';')).length(), "256-bit id, base64url");
        JsonNode me = client.get("/me").json();
        assertEquals("supervisor", me.get("role").asText());
        assertEquals("Supervisor Wang", me.get("name").asText());
        assertEquals(600, me.get("idleTimeoutSeconds").asInt());
        assertEquals(client.csrf, me.get("csrfToken").asText());
        assertTrue(station.auditActions().contains("2001 signin"));
    }

    @Test
    void missingUserAndPinAreBothNamed() {
        station.badRequestsOnPurpose(); // refusals are tested: only the replies must follow the contract
        ApiClient.Response r = station.client().post("/session", Map.of());
        assertEquals(400, r.status());
        assertEquals(List.of("user", "pin"), fields(r.json()));
    }

    @Test
    void wrongPinIsRefusedAndAudited() {
        ApiClient.Response r = station.client().signIn("1001", "0000");
        assertEquals(401, r.status());
        assertEquals("signin.failed", r.json().get("key").asText());
        assertTrue(r.json().get("error").asText().contains("4 attempts left"), r.toString());
        assertTrue(station.auditActions().contains("1001 signin.failed"));
        assertEquals(401, station.client().signIn("nobody", "1234").status());
    }

    @Test
    void fiveWrongPinsLockTheUserForLongerEachTime() {
        for (int i = 0; i < 5; i++) {
            station.client().signIn("1001", "0000");
        }
        ApiClient.Response locked = station.client().signIn("1001", "1234");
        assertEquals(429, locked.status(), "even the right PIN is refused while locked");
        assertEquals("30", locked.header("Retry-After").get(0));
        assertEquals(30, locked.json().get("retryAfterSeconds").asInt());
        assertTrue(station.auditActions().contains("1001 signin.locked"));

        station.clock.advance(Duration.ofSeconds(31));
        for (int i = 0; i < 5; i++) {
            station.client().signIn("1001", "0000");
        }
        assertEquals(60, station.client().signIn("1001", "1234").json().get("retryAfterSeconds").asInt(),
                "the second lock lasts twice as long");
        station.clock.advance(Duration.ofSeconds(61));
        assertEquals(201, station.client().signIn("1001", "1234").status());
    }

    @Test
    void aBurstOnOneUserLocksThatUserOnlyNotTheAddress() {
        for (int i = 0; i < 5; i++) {
            assertEquals(401, station.client().signIn("1001", "0000").status());
        }
        assertEquals(429, station.client().signIn("1001", "1234").status());
        for (String user : List.of("a1", "a2", "a3", "a4", "a5", "a6")) {
            assertEquals(401, station.client().signIn(user, "1111").status(), "one failure each locks nobody");
        }
        assertEquals(201, station.client().signIn("9001", "999999").status(), "same address, other user: the admin");
    }

    @Test
    void signOutEndsTheSession() {
        ApiClient client = station.signedIn("1001", "1234");
        assertEquals(204, client.delete("/session").status());
        ApiClient.Response after = client.get("/me");
        assertEquals(401, after.status());
        assertTrue(station.auditActions().contains("1001 signout"));
    }

    @Test
    void idleSessionsEndButLiveViewRequestsDoNotCountAsActivity() {
        ApiClient client = station.signedIn("1001", "1234");
        station.clock.advance(Duration.ofMinutes(9));
        assertEquals(200, client.get("/status").status(), "passive: still signed in, not extended");
        assertEquals(404, client.get("/images/last-label").status(), "signed in, no label yet");
        station.clock.advance(Duration.ofMinutes(1));
        ApiClient.Response r = client.get("/me");
        assertEquals(401, r.status());
        assertEquals("session.expired", r.json().get("key").asText());
        assertTrue(station.auditActions().contains("1001 signout.idle"));
    }

    @Test
    void activityKeepsTheSession() {
        ApiClient client = station.signedIn("1001", "1234");
        station.clock.advance(Duration.ofMinutes(9));
        assertEquals(200, client.get("/me").status());
        station.clock.advance(Duration.ofMinutes(9));
        assertEquals(200, client.get("/me").status());
    }

    @Test
    void crossSiteSignInIsRefused() {
        ApiClient client = station.client();
        client.headers.put("Origin", "http://evil.example");
        ApiClient.Response r = client.signIn("1001", "1234");
        assertEquals(403, r.status());
        assertEquals("csrf", r.json().get("key").asText());
        assertTrue(r.header("Set-Cookie").isEmpty());
    }

    @Test
    void disabledUsersCannotSignIn() {
        ApiClient admin = station.signedIn("9001", "999999");
        ApiClient operator = station.signedIn("1001", "1234");
        assertEquals(200, admin.post("/users/1001/disable", null).status());
        assertEquals(401, operator.get("/me").status(), "disabling ends the user's sessions");
        assertEquals(401, station.client().signIn("1001", "1234").status());
        assertEquals(200, admin.post("/users/1001/enable", null).status());
        assertEquals(201, station.client().signIn("1001", "1234").status());
    }

    @Test
    void apiTokensCarryARoleAndNeedNoCsrfToken() {
        station.badRequestsOnPurpose(); // refusals are tested: only the replies must follow the contract
        ApiClient admin = station.signedIn("9001", "999999");
        ApiClient.Response created = admin.post("/tokens", Map.of("name", "mes", "role", "operator"));
        assertEquals(201, created.status(), created.toString());
        ApiClient mes = station.client();
        mes.bearer = created.json().get("secret").asText();
        mes.headers.put("Origin", null);
        assertEquals("running", startJob(station, mes).json().get("status").asText());
        assertEquals(200, mes.post("/line/pause", null).status());
        assertEquals(List.of("start token:mes B1", "pause token:mes"), station.line.calls());
        assertEquals(403, mes.post("/line/end-batch", null).status());
        assertEquals(200, admin.delete("/tokens/" + created.json().get("id").asText()).status());
        assertEquals(401, mes.get("/status").status());
        assertFalse(admin.get("/tokens").text().contains(mes.bearer), "secrets are never listed");
    }

    static ApiClient.Response startJob(TestStation station, ApiClient client) {
        return client.post("/line/start", Map.of("productId", "P-001", "batch", "B1", "productionDate", "2026-03-01",
                "traceLevel", "ITEM", "quantity", 100));
    }

    static List<String> fields(JsonNode error) {
        return error.get("problems").findValuesAsText("field");
    }
}

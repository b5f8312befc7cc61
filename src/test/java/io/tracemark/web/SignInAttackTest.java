package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Sign-in under attack, over real HTTP against a real panel server: concurrent guessing, bursts on
 * one user, PINs too short for the role, replaced sessions, malformed bodies and HEAD requests.
 */
class SignInAttackTest {

    private final TestStation station = new TestStation(PanelSettings.defaults().withPinChecks(2, 16))
            .badRequestsOnPurpose();

    @AfterEach
    void stop() {
        station.close();
    }

    @Test
    void fiftyConcurrentWrongPinsGetExactlyFiveChecks() throws Exception {
        List<ApiClient.Response> answers = concurrently(50, i -> station.directClient().signIn("1001", "0000"));

        long checked = answers.stream().filter(r -> r.status() == 401).count();
        long refused = answers.stream().filter(r -> r.status() == 429).count();
        assertEquals(5, checked, "exactly the allowance is checked: " + statuses(answers));
        assertEquals(45, refused, "every other attempt is refused before any PIN check: " + statuses(answers));
        for (ApiClient.Response r : answers) {
            if (r.status() == 429) {
                String key = r.json().get("key").asText();
                assertTrue(key.equals("signin.locked") || key.equals("signin.checking"), r.toString());
                assertFalse(r.header("Retry-After").isEmpty(), r.toString());
            }
        }
        assertEquals(5, station.auditActions().stream().filter(a -> a.equals("1001 signin.failed")).count());
        ApiClient.Response right = station.client().signIn("1001", "1234");
        assertEquals(429, right.status(), "locked now, even with the right PIN: " + right);
        assertEquals("signin.locked", right.json().get("key").asText());
        assertEquals(30, right.json().get("params").get("seconds").asInt());
        assertEquals(201, station.client().signIn("9001", "999999").status(), "nobody else is locked");
    }

    @Test
    void aSupervisorOrAdminPinNeedsSixDigits() {
        ApiClient admin = station.signedIn("9001", "999999");
        ApiClient.Response shortPin = admin.post("/users", Map.of("id", "2002", "name", "Sup Liu", "role", "supervisor",
                "pin", "12345"));
        assertEquals(400, shortPin.status(), shortPin.toString());
        JsonNode problem = shortPin.json().get("problems").get(0);
        assertEquals("pin", problem.get("field").asText());
        assertEquals("pinLength", problem.get("key").asText());
        assertEquals("6", problem.get("params").get("min").asText());
        assertEquals("supervisor", problem.get("params").get("role").asText());
        assertTrue(station.accounts.user("2002").isEmpty(), "nothing created");

        assertEquals(201, admin.post("/users", Map.of("id", "1002", "name", "Op Chen", "role", "operator",
                "pin", "5678")).status(), "operators keep 4-digit PINs");
        ApiClient.Response reset = admin.post("/users/9001/pin", Map.of("pin", "4321"));
        assertEquals(400, reset.status(), reset.toString());
        assertEquals("pinLength", reset.json().get("problems").get(0).get("key").asText());
        assertEquals(201, station.client().signIn("9001", "999999").status(), "the old PIN still works");
    }

    @Test
    void aShortPinFromBeforeTheRuleMustBeChangedAtTheNextSignIn() {
        // a supervisor whose 4-digit PIN was stored before the 6-digit rule (written as an older version did)
        UserAccount old = new UserAccount("2009", "Sup Old", Role.SUPERVISOR, true, new PinHasher(1000).hash("4444"),
                Instant.parse("2025-01-01T00:00:00Z"));
        new SqliteUserStore(station.db).insert(old);

        ApiClient supervisor = station.client();
        ApiClient.Response signIn = supervisor.signIn("2009", "4444");
        assertEquals(201, signIn.status(), signIn.toString());
        assertTrue(signIn.json().get("pinChangeRequired").asBoolean());
        assertEquals(6, signIn.json().get("minimumPinLength").asInt());
        ApiClient.Response status = supervisor.get("/status");
        assertEquals(403, status.status(), status.toString());
        assertEquals("pin.changeRequired", status.json().get("key").asText());
        assertEquals(403, supervisor.post("/line/end-batch", Map.of()).status(), "no supervisor action either");
        assertTrue(supervisor.get("/me").json().get("pinChangeRequired").asBoolean());

        ApiClient.Response tooShort = supervisor.post("/me/pin", Map.of("pin", "4444", "newPin", "55555"));
        assertEquals(400, tooShort.status(), tooShort.toString());
        assertEquals("newPin", tooShort.json().get("problems").get(0).get("field").asText());
        assertEquals("pinLength", tooShort.json().get("problems").get(0).get("key").asText());
        ApiClient.Response wrongCurrent = supervisor.post("/me/pin", Map.of("pin", "4443", "newPin", "555555"));
        assertEquals(400, wrongCurrent.status(), wrongCurrent.toString());
        assertEquals("pinWrong", wrongCurrent.json().get("problems").get(0).get("key").asText());

        ApiClient.Response changed = supervisor.post("/me/pin", Map.of("pin", "4444", "newPin", "555555"));
        assertEquals(200, changed.status(), changed.toString());
        assertFalse(changed.json().get("pinChangeRequired").asBoolean());
        assertEquals(200, supervisor.get("/status").status(), "the same session may work now");
        assertEquals(401, station.client().signIn("2009", "4444").status(), "the old PIN is gone");
        assertFalse(station.client().signIn("2009", "555555").json().get("pinChangeRequired").asBoolean());
        assertTrue(station.auditActions().contains("2009 pin.change"));
    }

    @Test
    void signingInAsAnotherUserEndsTheOldSession() {
        ApiClient browser = station.signedIn("1001", "1234");
        String operatorSession = browser.session;
        ApiClient.Response admin = browser.signIn("9001", "999999");
        assertEquals(201, admin.status());
        assertNotEquals(operatorSession, browser.session);
        assertEquals("9001", browser.get("/me").json().get("id").asText());

        ApiClient stale = station.client();
        stale.session = operatorSession;
        ApiClient.Response after = stale.get("/me");
        assertEquals(401, after.status(), "the operator's session ended: " + after);
        assertTrue(station.auditActions().contains("1001 signout.replaced"));
    }

    @Test
    void malformedSignInBodiesAreRefusedWithKeys() {
        ApiClient client = station.directClient();
        ApiClient.Response bell = client.post("/session", Map.of("user", "1001", "pin", "1234\u0007"));
        assertProblem(bell, "pin", "control");
        assertEquals("U+0007", bell.json().get("problems").get(0).get("params").get("char").asText());
        assertProblem(client.post("/session", Map.of("user", "1001", "pin", "1234\n")), "pin", "control");
        assertProblem(client.post("/session", Map.of("user", "10\u000001", "pin", "1234")), "user", "control");
        assertProblem(client.post("/session", "{\"user\":\"1001\",\"pin\":\"1234\"} {\"pin\":\"0\"}"), "", "bodyTrailing");
        assertProblem(client.post("/session", "{\"user\":\"1001\",\"pin\":\"1234\"}x"), "", "bodyTrailing");
        ApiClient.Response twice = client.post("/session", "{\"user\":\"1001\",\"pin\":\"0000\",\"pin\":\"1234\"}");
        assertProblem(twice, "pin", "bodyDuplicate");
        assertEquals("pin", twice.json().get("problems").get(0).get("params").get("key").asText());
        assertProblem(client.post("/session", "[1]"), "", "bodyNotObject");
        assertProblem(client.post("/session", "{\"user\":"), "", "bodyNotJson");
        assertTrue(station.auditActions().stream().noneMatch(a -> a.contains("signin")), "no PIN was checked");
        assertEquals(201, client.signIn("1001", "1234").status(), "nothing counted against the user");
    }

    @Test
    void headIsNotAnswered200OnRoutesThatNeedSignIn() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (PanelServer.Route route : station.server.routes()) {
            if (route.method() != io.javalin.http.HandlerType.GET || route.role() == null) {
                continue;
            }
            String path = PanelServer.API + route.path().replaceAll("\\{[^}]+}", "1");
            HttpResponse<Void> anonymous = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + station.port + path)).method("HEAD", HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.discarding());
            assertEquals(405, anonymous.statusCode(), "HEAD " + path);
        }
        ApiClient signedIn = station.signedIn("1001", "1234");
        HttpResponse<Void> withCookie = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + station.port
                        + PanelServer.API + "/status")).header("Cookie", Gate.SESSION_COOKIE + "=" + signedIn.session)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(405, withCookie.statusCode());
        assertEquals("GET", withCookie.headers().firstValue("Allow").orElse(""));
        assertEquals(401, station.directClient().get("/status").status(), "GET still needs sign-in");
    }

    private static void assertProblem(ApiClient.Response r, String field, String key) {
        assertEquals(400, r.status(), r.toString());
        JsonNode problem = r.json().get("problems").get(0);
        assertEquals(field, problem.get("field").asText(), r.toString());
        assertEquals(key, problem.get("key").asText(), r.toString());
    }

    private static String statuses(List<ApiClient.Response> answers) {
        return answers.stream().map(r -> r.status() + (r.status() == 200 || r.status() == 201 ? ""
                : " " + r.json().path("key").asText())).toList().toString();
    }

    interface Call {
        ApiClient.Response run(int i);
    }

    /** Runs the calls at once: each on its own thread, all released together. */
    static List<ApiClient.Response> concurrently(int n, Call call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch ready = new CountDownLatch(n);
            CountDownLatch go = new CountDownLatch(1);
            List<CompletableFuture<ApiClient.Response>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                futures.add(CompletableFuture.supplyAsync(() -> {
                    ready.countDown();
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new AssertionError(e);
                    }
                    return call.run(index);
                }, threads));
            }
            assertTrue(ready.await(60, TimeUnit.SECONDS), "threads ready");
            go.countDown();
            List<ApiClient.Response> answers = new ArrayList<>();
            for (CompletableFuture<ApiClient.Response> f : futures) {
                answers.add(f.get(120, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }
}

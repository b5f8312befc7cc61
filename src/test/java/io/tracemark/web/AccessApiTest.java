package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.http.HandlerType;
import io.tracemark.line.Alarm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Every route of the table: refused without sign-in, refused cross-site, refused for lower roles; nothing changes. */
class AccessApiTest {

    private final TestStation station = new TestStation();

    @AfterEach
    void stop() {
        station.close();
    }

    @Test
    void everyProtectedRouteAnswers401WithoutSignIn() {
        station.badRequestsOnPurpose(); // refusals are tested: only the replies must follow the contract
        List<String> protectedRoutes = new ArrayList<>();
        for (PanelServer.Route route : station.server.routes()) {
            if (route.role() == null) {
                continue;
            }
            ApiClient.Response r = station.client().send(route.method().name(), concrete(route.path()), Map.of());
            assertEquals(401, r.status(), route.method() + " " + route.path() + ": " + r);
            assertEquals("signin.required", r.json().get("key").asText());
            protectedRoutes.add(route.path());
        }
        assertTrue(protectedRoutes.size() >= 30, "routes checked: " + protectedRoutes.size());
        assertEquals(List.of(), station.line.calls());
    }

    @Test
    void everyStateChangingRouteRefusesACookieRequestWithoutTheCsrfToken() {
        station.badRequestsOnPurpose(); // refusals are tested: only the replies must follow the contract
        ApiClient admin = station.signedIn("9001", "999999");
        String token = admin.csrf;
        int before = station.accounts.users().size();
        for (PanelServer.Route route : stateChanging()) {
            admin.csrf = null;
            ApiClient.Response r = admin.send(route.method().name(), concrete(route.path()), body(route));
            assertEquals(403, r.status(), route.method() + " " + route.path() + " without token: " + r);
            assertEquals("csrf", r.json().get("key").asText());
            admin.csrf = "wrong-" + token;
            assertEquals(403, admin.send(route.method().name(), concrete(route.path()), body(route)).status());
        }
        assertEquals(List.of(), station.line.calls());
        assertEquals(before, station.accounts.users().size());
        assertEquals(200, station.signedIn("9001", "999999").get("/me").status(), "session still fine");
    }

    @Test
    void aForeignOriginIsRefusedEvenWithTheToken() {
        ApiClient operator = station.signedIn("1001", "1234");
        operator.headers.put("Origin", "http://evil.example");
        assertEquals(403, SessionApiTest.startJob(station, operator).status());
        operator.headers.put("Origin", null);
        operator.headers.put("Sec-Fetch-Site", "cross-site");
        assertEquals(403, operator.post("/line/pause", null).status());
        operator.headers.remove("Sec-Fetch-Site");
        operator.headers.put("Referer", "http://evil.example/page");
        assertEquals(403, operator.post("/line/pause", null).status());
        assertEquals(List.of(), station.line.calls());
        assertTrue(station.auditActions().contains("1001 access.csrf"));
    }

    @Test
    void aTrustedOriginMayChangeState() {
        try (TestStation trusting = new TestStation(PanelSettings.defaults()
                .withTrustedOrigins(java.util.Set.of("http://hmi.local:8080")))) {
            ApiClient operator = trusting.signedIn("1001", "1234");
            operator.headers.put("Origin", "http://hmi.local:8080");
            assertEquals(200, SessionApiTest.startJob(trusting, operator).status());
        }
    }

    @Test
    void lowerRolesGet403AndNothingChanges() {
        station.badRequestsOnPurpose(); // refusals are tested: only the replies must follow the contract
        station.line.raiseAlarm(Alarm.Severity.WARNING, "printer.ribbonLow", "printer-1 ribbon low");
        ApiClient operator = station.signedIn("1001", "1234");
        ApiClient supervisor = station.signedIn("2001", "234567");
        for (PanelServer.Route route : station.server.routes()) {
            if (route.role() == Role.SUPERVISOR || route.role() == Role.ADMIN) {
                ApiClient.Response r = operator.send(route.method().name(), concrete(route.path()), body(route));
                assertEquals(403, r.status(), "operator " + route.method() + " " + route.path() + ": " + r);
                assertEquals("role", r.json().get("key").asText());
            }
            if (route.role() == Role.ADMIN) {
                assertEquals(403, supervisor.send(route.method().name(), concrete(route.path()), body(route)).status(),
                        "supervisor " + route.path());
            }
        }
        assertEquals(List.of(), station.line.calls());
        assertEquals(3, station.accounts.users().size());
        assertTrue(station.auditActions().contains("1001 access.denied"));
    }

    private List<PanelServer.Route> stateChanging() {
        return station.server.routes().stream()
                .filter(r -> r.role() != null && r.method() != HandlerType.GET).toList();
    }

    private static Object body(PanelServer.Route route) {
        return switch (route.path()) {
            case "/users" -> Map.of("id", "3001", "name", "X", "role", "admin", "pin", "1111");
            case "/units/{code}/void" -> Map.of("reason", "damaged");
            case "/users/{id}/pin" -> Map.of("pin", "4444");
            case "/tokens" -> Map.of("name", "x", "role", "admin");
            case "/master/uscc-confirmations" -> Map.of("uscc", "91350100M000100Y44", "confirmedBy", "x");
            default -> Map.of("productId", "P-001", "batch", "B1", "productionDate", "2026-03-01",
                    "traceLevel", "ITEM", "quantity", 10);
        };
    }

    static String concrete(String path) {
        return path.replace("{id}", "1001").replace("{code}", "https%3A%2F%2Fid.example.cn%2Fx")
                .replace("{unitId}", "1").replace("{order}", "SO-1").replace("{name}", "camera-1").replace("{action}", "reloadPaper");
    }
}

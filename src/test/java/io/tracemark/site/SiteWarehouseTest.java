package io.tracemark.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracemark.contract.ContractProxy;
import io.tracemark.contract.OpenApiContract;
import io.tracemark.pack.Sscc;
import io.tracemark.pack.SsccRange;
import io.tracemark.platform.HttpPlatformClient;
import io.tracemark.platform.PlatformClient;
import io.tracemark.platform.reference.ReferencePlatform;
import io.tracemark.platform.reference.SampleData;
import io.tracemark.platform.wire.CodeRange;
import io.tracemark.platform.wire.NewCodeRequest;
import io.tracemark.platform.wire.RangeAck;
import io.tracemark.platform.wire.UnitEvent;
import io.tracemark.platform.wire.UnitEventType;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The site's palletiser, shipping and recall on a real PostgreSQL with the reference platform, through the
 * documented API (checked against docs/site-api.yaml) and the contract as stations speak it: cases of three
 * lines learnt from their AGGREGATED events, every refusal with nothing changed, a pallet mixing two lines
 * shipped behind the ship gate (held while the platform is down), SHIPPED events at the platform once, a
 * recall of a batch across the lines, SSCCs never reused across a restart, the buyer's contact never logged.
 */
class SiteWarehouseTest {

    private static final String ADMIN = "Bearer site-admin-token-for-tests";
    private static final String CONTACT = "+86 138 0000 1234 secret-contact";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SsccRange SITE_RANGE = new SsccRange("6901234", 9, 1, 4);

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newHttpClient();
    private URI api;
    /** The site itself, not through the contract check: for requests the contract forbids (answered 400). */
    private URI direct;

    @Test
    void casesOfTwoLinesGoOnOnePalletThatShipsBehindTheGateAndARecallOfTheBatchFindsEveryLine() throws Exception {
        int platformPort;
        try (ServerSocket s = new ServerSocket(0)) {
            platformPort = s.getLocalPort();
        }
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        root.addAppender(logged);
        ReferencePlatform platform = ReferencePlatform.start(platformPort, dir.resolve("platform"), true);
        SiteConfig config = TestSites.config(PostgresCluster.shared().newDatabase("warehouse"), platform.baseUrl(), 3, 200)
                .withSscc(SITE_RANGE);
        SiteServer site = SiteServer.start(config);
        try (ContractProxy siteApi = new ContractProxy(OpenApiContract.site(), site.url(), "/api/site/v1")) {
            api = URI.create(siteApi.uri() + "/api/site/v1/warehouse");
            direct = URI.create(site.url() + "/api/site/v1/warehouse");
            List<List<String>> codes = new ArrayList<>();
            for (int n = 1; n <= 3; n++) {
                codes.add(codesOf(TestSites.station(site, n), 8));
            }
            // line-1: case A of 4; line-2: case B of 4 and case D of which only 3 of 4 units arrived yet;
            // line-3: case E holding a rejected unit (the station's view of it is older than the site's verdict)
            String caseA = Sscc.of(1, "6901234", 101).digits();
            String caseB = Sscc.of(2, "6901234", 201).digits();
            String caseD = Sscc.of(2, "6901234", 202).digits();
            String caseE = Sscc.of(3, "6901234", 301).digits();
            post(site, 1, packed(1, codes.get(0).subList(0, 4), caseA, 4, true));
            post(site, 2, packed(2, codes.get(1).subList(0, 4), caseB, 4, true));
            post(site, 2, packed(2, codes.get(1).subList(4, 7), "(00)" + caseD, 4, true));
            List<UnitEvent> e = packed(3, codes.get(2).subList(0, 4), caseE, 4, true);
            e.add(event(3, codes.get(2).get(1), "r", UnitEventType.REJECTED, null, Map.of("batch", "B1")));
            post(site, 3, e);
            await("the site forwarded every event", () -> site.forwarder().lag().events() == 0);

            JsonNode p1 = call("POST", "/pallets", "{\"user\":\"wh-1\"}", 201);
            String pallet1 = p1.get("sscc").asText();
            assertEquals(Sscc.of(9, "6901234", 1).digits(), pallet1, "the site's first SSCC, with its check digit");
            assertEquals("OPEN", p1.get("state").asText());
            long audit = count(site, "SELECT count(*) FROM site_audit");

            refused("/pallets/" + pallet1 + "/cases", "{\"case\":\"" + Sscc.of(1, "6901234", 999) + "\",\"user\":\"wh-1\"}",
                    404, "UNKNOWN_CASE", "no line reported it");
            refused("/pallets/" + pallet1 + "/cases", "{\"case\":\"" + caseD + "\",\"user\":\"wh-1\"}", 409,
                    "CASE_INCOMPLETE", "3 of its 4 units reported by line-2");
            refused("/pallets/" + pallet1 + "/cases", "{\"case\":\"" + caseE + "\",\"user\":\"wh-1\"}", 409,
                    "NOT_VERIFIED", "1 of its 4 units are not verified");
            refused("/pallets/" + Sscc.of(9, "6901234", 777) + "/cases", "{\"case\":\"" + caseA + "\",\"user\":\"wh-1\"}",
                    404, "UNKNOWN_PALLET", "not a pallet of the site");
            refused("/pallets/" + pallet1 + "/close", "{\"user\":\"wh-1\"}", 409, "PALLET_EMPTY", "is empty");
            refused("/pallets/" + pallet1 + "/cases", "{\"case\":\"" + caseA + "\"}", 400, null, "user");
            assertEquals(audit, count(site, "SELECT count(*) FROM site_audit"), "a refusal changes nothing");
            assertEquals(0, call("GET", "/pallets/" + pallet1, null, 200).get("cases").size());

            call("POST", "/pallets/" + pallet1 + "/cases", "{\"case\":\"(00)" + caseA + "\",\"user\":\"wh-1\"}", 200);
            JsonNode mixed = call("POST", "/pallets/" + pallet1 + "/cases", "{\"case\":\"" + caseB + "\",\"user\":\"wh-1\"}", 200);
            assertEquals(8, mixed.get("units").asInt(), mixed.toString());
            assertEquals(Set.of("line-1", "line-2"), Set.of(mixed.get("cases").get(0).get("stationId").asText(),
                    mixed.get("cases").get(1).get("stationId").asText()), "one pallet, cases of two lines");
            refused("/pallets/" + pallet1 + "/cases", "{\"case\":\"" + caseA + "\",\"user\":\"wh-1\"}", 409,
                    "SCANNED_TWICE", "already");
            String pallet2 = call("POST", "/pallets", "{\"user\":\"wh-2\"}", 201).get("sscc").asText();
            refused("/pallets/" + pallet2 + "/cases", "{\"case\":\"" + caseA + "\",\"user\":\"wh-2\"}", 409,
                    "ON_A_PALLET", "is on pallet " + pallet1);
            refused("/pallets/" + pallet2 + "/cases", "{\"case\":\"" + pallet1 + "\",\"user\":\"wh-2\"}", 409,
                    "NOT_A_CASE", "not a case");

            call("POST", "/shipments", shipmentJson("PO-1"), 201);
            refused("/shipments", shipmentJson("PO-1"), 409, "ORDER_EXISTS", "PO-1");
            refused("/shipments", "{\"orderNumber\":\"PO-X\",\"buyer\":{\"name\":\"A\"},\"user\":\"wh-1\"}", 400, null,
                    "buyer.address");
            refused("/shipments/PO-1/items", "{\"sscc\":\"" + pallet1 + "\",\"user\":\"wh-1\"}", 409, "PALLET_OPEN",
                    "still open");
            refused("/shipments/PO-1/items", "{\"sscc\":\"" + caseA + "\",\"user\":\"wh-1\"}", 409, "ON_A_PALLET",
                    "dispatch the pallet");
            JsonNode closed = call("POST", "/pallets/" + pallet1 + "/close", "{\"user\":\"wh-1\"}", 200);
            assertEquals("CLOSED", closed.get("state").asText());
            refused("/pallets/" + pallet1 + "/cases", "{\"case\":\"" + caseD + "\",\"user\":\"wh-1\"}", 409,
                    "PALLET_CLOSED", "is closed");
            JsonNode po1 = call("POST", "/shipments/PO-1/items", "{\"sscc\":\"" + pallet1 + "\",\"user\":\"wh-1\"}", 200);
            assertEquals(8, po1.get("units").asInt());
            assertFalse(po1.toString().contains(CONTACT), "a shipment reply never shows the contact: " + po1);
            long before = platform.eventCount();
            call("POST", "/shipments/PO-1/close", "{\"user\":\"wh-1\"}", 200);
            refused("/shipments/PO-1/items", "{\"sscc\":\"" + caseB + "\",\"user\":\"wh-1\"}", 409, "SHIPMENT_CLOSED",
                    "has left");
            await("the SHIPPED events reached the platform", () -> site.forwarder().lag().events() == 0);
            assertEquals(before + 8, platform.eventCount(), "one SHIPPED event per unit, once");
            assertEquals(UnitEventType.SHIPPED, platform.codeStatus(codes.get(1).get(0)).orElseThrow().lastEvent());
            assertEquals("SHIPPED", call("GET", "/pallets/" + pallet1, null, 200).get("state").asText());

            // the ship gate: line-2's last unit of case D arrives while the platform is down
            platform.close();
            post(site, 2, packed(2, codes.get(1).subList(7, 8), caseD, 4, true));
            call("POST", "/shipments", shipmentJson("PO-2"), 201);
            refused("/shipments/PO-2/items", "{\"sscc\":\"" + caseD + "\",\"user\":\"wh-1\"}", 409, "SHIP_GATE",
                    "1 of 4 units of case " + caseD + " wait for the platform");
            platform = ReferencePlatform.start(platformPort, dir.resolve("platform"), true);
            await("the outbox caught up", () -> site.forwarder().lag().events() == 0);
            call("POST", "/shipments/PO-2/items", "{\"sscc\":\"" + caseD + "\",\"user\":\"wh-1\"}", 200);
            call("POST", "/shipments/PO-2/close", "{\"user\":\"wh-1\"}", 200);
            await("PO-2 reached the platform", () -> site.forwarder().lag().events() == 0);

            JsonNode recall = call("GET", "/recall?batch=B1", null, 200);
            assertEquals(Map.of("line-1", 4, "line-2", 8, "line-3", 4), JSON.convertValue(recall.get("unitsPerLine"),
                    Map.class), "a recall of the batch finds units on every line: " + recall.get("unitsPerLine"));
            assertEquals(12, recall.get("unitsPerBuyer").get("Buyer Ltd").asInt());
            assertEquals(4, recall.get("inFactory").asInt(), "line-3's case E is still here");
            JsonNode shippedUnit = unit(recall, codes.get(0).get(0));
            assertEquals(caseA, shippedUnit.get("caseSscc").asText());
            assertEquals(pallet1, shippedUnit.get("palletSscc").asText());
            assertEquals("PO-1", shippedUnit.get("orderNumber").asText());
            assertEquals(CONTACT, shippedUnit.get("buyerContact").asText(), "the recall names whom to reach");
            assertEquals("VERIFIED", shippedUnit.get("state").asText());
            assertEquals("REJECTED", unit(recall, codes.get(2).get(1)).get("state").asText());
            assertEquals(8, call("GET", "/recall?sscc=(00)" + pallet1, null, 200).get("units").size());
            assertEquals(1, call("GET", "/recall?code=" + java.net.URLEncoder.encode(codes.get(1).get(7),
                    java.nio.charset.StandardCharsets.UTF_8), null, 200).get("units").size());
            refused("/recall?batch=B1&code=x", null, 400, null, "exactly one");

            assertEquals(0, count(site, "SELECT count(*) FROM site_audit WHERE detail LIKE '%secret-contact%'"));
            assertTrue(count(site, "SELECT count(*) FROM site_audit WHERE action = 'shipment.close'") == 2);

            // SSCCs: never reused, also after a restart; the range runs out with a clear refusal
            site.close();
            SiteServer again = SiteServer.start(config);
            try (ContractProxy api2 = new ContractProxy(OpenApiContract.site(), again.url(), "/api/site/v1")) {
                api = URI.create(api2.uri() + "/api/site/v1/warehouse");
                Set<String> ssccs = new HashSet<>(Set.of(pallet1, pallet2));
                for (int i = 0; i < 2; i++) {
                    assertTrue(ssccs.add(call("POST", "/pallets", "{\"user\":\"wh-3\"}", 201).get("sscc").asText()));
                }
                refused("/pallets", "{\"user\":\"wh-3\"}", 409, "NO_SSCC_LEFT", "no SSCC left");
                api2.assertConforms();
            } finally {
                again.close();
            }
            siteApi.assertConforms();
            root.detachAppender(logged);
            for (ILoggingEvent line : logged.list) {
                assertFalse(line.getFormattedMessage().contains(CONTACT), "the contact in a log line: " + line);
            }
        } finally {
            root.detachAppender(logged);
            site.close();
            platform.close();
        }
    }

    @Test
    void aRecallOfABatchUsesTheIndexes() throws Exception {
        try (ReferencePlatform platform = ReferencePlatform.start(0, dir.resolve("platform"), true);
             SiteServer site = SiteServer.start(TestSites.config("recallplan", platform, 1, 100))) {
            site.database().inTransaction(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO unit_events(idempotency_key, station_id, code, product_id, type, occurred_at,"
                            + " batch) SELECT 'k' || i, 'line-' || (i % 3), 'code-' || i, 'p', 'VERIFIED', now(),"
                            + " 'B' || (i / 50) FROM generate_series(1, 200000) i"); // 4,000 batches of 50 units
                }
                return null;
            });
            site.database().read(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("ANALYZE unit_events");
                }
                return null;
            });
            for (String[] q : new String[][] {{SiteRecall.BY_BATCH, "B42"}, {SiteRecall.BY_CODE, "code-4242"}}) {
                String plan = site.database().read(c -> {
                    StringBuilder out = new StringBuilder();
                    try (PreparedStatement ps = c.prepareStatement("EXPLAIN " + SiteRecall.query(q[0]))) {
                        ps.setString(1, q[1]);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                out.append(rs.getString(1)).append('\n');
                            }
                        }
                    }
                    return out.toString();
                });
                assertFalse(plan.contains("Seq Scan on unit_events"), "no scan of every event:\n" + plan);
                assertTrue(plan.contains(q[0] == SiteRecall.BY_BATCH ? "unit_events_batch" : "unit_events_code"), plan);
            }
        }
    }

    private static JsonNode unit(JsonNode recall, String code) {
        for (JsonNode u : recall.get("units")) {
            if (u.get("code").asText().equals(code)) {
                return u;
            }
        }
        throw new AssertionError("unit " + code + " not in the recall");
    }

    private static String shipmentJson(String order) {
        return "{\"orderNumber\":\"" + order + "\",\"saleTime\":\"2026-12-02T10:00:00Z\",\"user\":\"wh-1\","
                + "\"buyer\":{\"name\":\"Buyer Ltd\",\"address\":\"1 Harbour Rd, Ningbo\",\"contact\":\"" + CONTACT + "\"}}";
    }

    /** Codes of the station's own from the site. */
    private static List<String> codesOf(PlatformClient station, int n) {
        station.requestCodes(new NewCodeRequest(SampleData.KETTLE, n, null));
        List<String> codes = new ArrayList<>();
        for (CodeRange r : station.activatedRanges(SampleData.KETTLE)) {
            station.acknowledge(r.id(), RangeAck.accept());
            codes.addAll(r.codes());
        }
        assertTrue(codes.size() >= n, codes.toString());
        return codes;
    }

    /** As a station's outbox sends them: VERIFIED (unless sent before) then AGGREGATED into the case. */
    private static List<UnitEvent> packed(int line, List<String> codes, String caseSscc, int caseUnits, boolean verdicts) {
        List<UnitEvent> out = new ArrayList<>();
        for (String code : codes) {
            if (verdicts) {
                out.add(event(line, code, "v", UnitEventType.VERIFIED, null, Map.of("batch", "B1", "grade", "A")));
            }
            out.add(event(line, code, "a", UnitEventType.AGGREGATED, caseSscc, Map.of("batch", "B1",
                    "caseUnits", Integer.toString(caseUnits))));
        }
        return out;
    }

    private static UnitEvent event(int line, String code, String kind, UnitEventType type, String parent,
                                   Map<String, String> details) {
        return new UnitEvent("line-" + line + "/" + code + "/" + kind, code, SampleData.KETTLE, type,
                Instant.parse("2026-12-02T08:00:00Z"), "job-" + line, type == UnitEventType.REJECTED ? "grade D" : null,
                parent, details);
    }

    private static void post(SiteServer site, int line, List<UnitEvent> events) {
        PlatformClient station = new HttpPlatformClient(site.url(), TestSites.token(line), Duration.ofSeconds(30));
        var result = station.postEvents(events);
        assertEquals(events.size(), result.accepted(), result.toString());
    }

    private JsonNode call(String method, String path, String body, int expected) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create((expected == 400 ? direct : api) + path)).header("Authorization", ADMIN);
        if (body != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, r.statusCode(), method + " " + path + ": " + r.body());
        return JSON.readTree(r.body());
    }

    private void refused(String path, String body, int status, String refusal, String says) throws Exception {
        JsonNode error = call(body == null ? "GET" : "POST", path, body, status);
        assertTrue(error.toString().contains(says), path + ": " + error);
        if (refusal != null) {
            assertEquals(refusal, error.get("problems").get(0).get("message").asText(), error.toString());
        }
        assertFalse(error.toString().contains(CONTACT));
    }

    private static long count(SiteServer site, String sql) {
        return site.database().read(c -> {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out: " + what);
            }
            Thread.sleep(20);
        }
    }
}

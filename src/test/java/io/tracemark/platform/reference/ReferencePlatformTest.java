package io.tracemark.platform.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.contract.ContractProxy;
import io.tracemark.contract.OpenApiContract;
import io.tracemark.platform.HttpPlatformClient;
import io.tracemark.platform.PlatformClient;
import io.tracemark.platform.PlatformException;
import io.tracemark.platform.wire.CodeRange;
import io.tracemark.platform.wire.CodeRequest;
import io.tracemark.platform.wire.CodeRequestStatus;
import io.tracemark.platform.wire.CodeReturn;
import io.tracemark.platform.wire.DailyQuantity;
import io.tracemark.platform.wire.EventBatchResult;
import io.tracemark.platform.wire.NewCodeRequest;
import io.tracemark.platform.wire.RangeAck;
import io.tracemark.platform.wire.RangeStatus;
import io.tracemark.platform.wire.ReturnResult;
import io.tracemark.platform.wire.UnitEvent;
import io.tracemark.platform.wire.UnitEventType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReferencePlatformTest {

    @TempDir
    Path dir;
    ReferencePlatform platform;
    /** Every exchange of a test goes through it and is checked against docs/platform-api.yaml. */
    ContractProxy proxy;
    PlatformClient client;
    /** Set by tests that send requests outside the contract on purpose: then only the replies are judged. */
    boolean badRequestsOnPurpose;

    @BeforeEach
    void start() {
        platform = ReferencePlatform.start(0, dir, ReferencePlatformOptions.demo().withRandomSeed(7));
        // these tests check interval issuance; random serials (the default) are tested in RandomSerialsTest
        platform.useSequentialSerials(SampleData.KETTLE);
        platform.useSequentialSerials(SampleData.CHARGER);
        connect();
    }

    private void connect() {
        if (proxy != null) {
            proxy.close();
        }
        proxy = new ContractProxy(OpenApiContract.platform(), platform.baseUrl(), HttpPlatformClient.API_PATH);
        client = new HttpPlatformClient(proxy.uri(), platform.stationToken(), Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        try {
            proxy.assertSeenConform(badRequestsOnPurpose);
        } finally {
            proxy.close();
            platform.close();
        }
    }

    @Test
    void masterDataCarriesTheMandatoryFields() {
        var producers = client.producers();
        assertEquals(1, producers.size());
        assertEquals("91440101MA59TM0023", producers.get(0).uscc());
        assertEquals(List.of(), producers.get(0).missingFields());
        var products = client.products();
        assertEquals(4, products.size());
        var kettle = products.stream().filter(p -> p.id().equals(SampleData.KETTLE)).findFirst().orElseThrow();
        assertEquals(List.of(), kettle.missingFields());
        assertEquals("06901234000016", kettle.gtin());
    }

    @Test
    void gs1RequestIsActivatedAsAnIntervalAndAcknowledged() {
        CodeRequest r = client.requestCodes(new NewCodeRequest(SampleData.KETTLE, 100, null));
        assertEquals(CodeRequestStatus.ACTIVATED, r.status());
        assertEquals("auto", r.auditedBy());
        List<CodeRange> ranges = client.activatedRanges(SampleData.KETTLE);
        assertEquals(1, ranges.size());
        CodeRange range = ranges.get(0);
        assertEquals(r.rangeId(), range.id());
        assertEquals(100, range.count());
        assertNull(range.codes());
        assertEquals("(01)06901234000016(21)0000000001", range.pattern().code(range.pattern().from()));
        assertEquals(100, range.pattern().expand().size());
        client.acknowledge(range.id(), RangeAck.accept());
        client.acknowledge(range.id(), RangeAck.accept());
        assertEquals(List.of(), client.activatedRanges(null));

        CodeRange second = platform.activateRange(SampleData.KETTLE, 10);
        assertEquals(101, second.pattern().from(), "serials continue, never reissued");
    }

    @Test
    void opaqueCodesComeAsAnExplicitListOfDistinctCodes() {
        CodeRange range = platform.activateRange(SampleData.HELMET, 50);
        assertNull(range.pattern());
        assertEquals(50, range.codes().size());
        assertEquals(50, range.codes().stream().distinct().count());
        assertTrue(range.codes().get(0).matches("GDPHELMET[0-9A-HJ-NP-Z]{16}"), range.codes().get(0));
    }

    @Test
    void activationIsRefusedWhileMandatoryInformationIsMissingNamingTheFields() {
        CodeRequest r = client.requestCodes(new NewCodeRequest(SampleData.INCOMPLETE, 10, null));
        assertEquals(CodeRequestStatus.REFUSED, r.status());
        assertTrue(r.reason().contains("product.inspectionReport"), r.reason());
        assertTrue(r.reason().contains("product.licenceNumber"), r.reason());
        assertEquals(List.of(), client.activatedRanges(SampleData.INCOMPLETE));
    }

    @Test
    void badRequestsGetJsonErrorsNamingTheFields() throws Exception {
        badRequestsOnPurpose = true;
        var e = assertThrows(PlatformException.class,
                () -> client.requestCodes(new NewCodeRequest("nope", 0, "ecode")));
        assertEquals(400, e.status());
        assertEquals(PlatformException.Kind.REFUSED, e.kind());
        assertEquals(List.of("productId", "quantity", "scheme"), e.problems().stream().map(p -> p.field()).toList());

        HttpResponse<String> bad = post("/api/platform/v1/code-requests", "{\"productId\": \"P-KETTLE\", \"quantity\": \"many\"}",
                SampleData.STATION_TOKEN);
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("\"field\":\"quantity\""), bad.body());

        HttpResponse<String> anonymous = post("/api/platform/v1/events", "{\"events\":[]}", null);
        assertEquals(401, anonymous.statusCode());
        assertTrue(anonymous.body().contains("\"field\":\"Authorization\""), anonymous.body());
    }

    @Test
    void eventsAreHeldExactlyOncePerIdempotencyKey() {
        CodeRange range = platform.activateRange(SampleData.KETTLE, 3);
        List<String> codes = range.pattern().expand();
        List<UnitEvent> batch = List.of(event("k1", codes.get(0), UnitEventType.VERIFIED),
                event("k2", codes.get(1), UnitEventType.REJECTED),
                event("k3", "(01)06901234000016(21)9999999999", UnitEventType.VERIFIED));
        EventBatchResult first = client.postEvents(batch);
        assertEquals(2, first.accepted());
        assertEquals(1, first.refused().size());
        assertEquals("k3", first.refused().get(0).field());
        EventBatchResult again = client.postEvents(batch);
        assertEquals(0, again.accepted());
        assertEquals(2, again.duplicates());
        assertEquals(2, platform.eventCount());

        EventBatchResult twice = client.postEvents(List.of(event("k4", codes.get(0), UnitEventType.VERIFIED)));
        assertEquals(1, twice.refused().size(), "an item code verified twice is a duplicate unit");
        assertEquals(UnitEventType.VERIFIED, client.codeStatus(codes.get(0)).lastEvent());
        assertEquals(1, client.codeStatus(codes.get(0)).eventCount());
    }

    @Test
    void publicPageShowsPublicFieldsMaskedSuppliersAndStatusInChinese() throws Exception {
        CodeRange range = platform.activateRange(SampleData.KETTLE, 2);
        String code = range.pattern().expand().get(0);
        URI page = platform.publicPage(code);
        assertEquals("/01/06901234000016/21/0000000001", page.getPath());
        String before = get(page).body();
        assertTrue(before.contains("已激活，尚未生产"), before);
        client.postEvents(List.of(new UnitEvent("e1", code, SampleData.KETTLE, UnitEventType.VERIFIED,
                Instant.parse("2025-06-01T02:00:00Z"), "J1", null, null, Map.of())));
        HttpResponse<String> after = get(page);
        assertEquals(200, after.statusCode());
        String html = after.body();
        assertTrue(html.contains("已生产（出厂检验合格） 2025-06-01"), html);
        assertTrue(html.contains("电热水壶"));
        assertTrue(html.contains("广州市示例电器有限公司") && html.contains("91440101MA59TM0023"),
                "the producer's basic information is public (5.3.3.1): " + html);
        assertTrue(html.contains("佛山***有限公司"), "visible supplier, masked");
        assertFalse(html.contains("电线电缆"), "a part not marked public is not shown");
        assertFalse(html.contains("QJ-2025-0001"), "the inspection report is not marked public");
        assertEquals(404, get(URI.create(platform.baseUrl() + "/01/06901234000016/21/0000000099")).statusCode());

        CodeRange opaque = platform.activateRange(SampleData.HELMET, 1);
        HttpResponse<String> c = get(platform.publicPage(opaque.codes().get(0)));
        assertEquals(200, c.statusCode());
        assertTrue(c.body().contains("电动自行车乘员头盔"));
    }

    @Test
    void manualAuditThroughTheAdminEndpoint() throws Exception {
        platform.close();
        platform = ReferencePlatform.start(0, dir, ReferencePlatformOptions.demo().withAutoAudit(false));
        connect();
        CodeRequest r = client.requestCodes(new NewCodeRequest(SampleData.CHARGER, 5, null));
        assertEquals(CodeRequestStatus.PENDING_AUDIT, r.status());
        assertEquals(List.of(), client.activatedRanges(null));
        HttpResponse<String> audit = post("/api/platform/v1/admin/code-requests/" + r.id() + "/audit",
                "{\"approve\": true, \"auditor\": \"王工\"}", platform.adminToken());
        assertEquals(200, audit.statusCode(), audit.body());
        CodeRequest done = client.codeRequest(r.id());
        assertEquals(CodeRequestStatus.ACTIVATED, done.status());
        assertEquals("王工", done.auditedBy());
        CodeRange range = client.activatedRanges(null).get(0);
        assertEquals(platform.baseUrl() + "/01/06901234000023/21/0000000001", range.pattern().code(1));
        assertEquals(401, post("/api/platform/v1/admin/code-requests/" + r.id() + "/audit",
                "{\"approve\": true, \"auditor\": \"x\"}", SampleData.STATION_TOKEN).statusCode());
    }

    @Test
    void refusalReasonIsStoredAndShown() {
        CodeRange range = platform.activateRange(SampleData.KETTLE, 5);
        client.acknowledge(range.id(), RangeAck.refuse("overlaps 5 codes already in the ledger", List.of()));
        CodeRange stored = platform.ranges().get(0);
        assertEquals(RangeStatus.REFUSED, stored.status());
        assertTrue(stored.refusalReason().contains("overlaps 5 codes"));
        var e = assertThrows(PlatformException.class, () -> client.acknowledge(range.id(), RangeAck.accept()));
        assertEquals(409, e.status());
    }

    @Test
    void dailyQuantityReplacesAndReturnsAreIdempotent() {
        LocalDate day = LocalDate.of(2025, 6, 1);
        client.postDailyQuantity(new DailyQuantity(SampleData.KETTLE, day, 10, true));
        client.postDailyQuantity(new DailyQuantity(SampleData.KETTLE, day, 12, true));
        assertEquals(12, platform.dailyQuantity(SampleData.KETTLE, day).orElseThrow().quantity());

        List<String> codes = platform.activateCodes(SampleData.KETTLE, 3);
        ReturnResult r = client.returnCodes(new CodeReturn("ret-1", SampleData.KETTLE, codes.subList(0, 2)));
        assertEquals(2, r.returned());
        assertTrue(client.returnCodes(new CodeReturn("ret-1", SampleData.KETTLE, codes.subList(0, 2))).duplicate());
        assertTrue(client.codeStatus(codes.get(0)).returned());
        EventBatchResult late = client.postEvents(List.of(event("late", codes.get(0), UnitEventType.VERIFIED)));
        assertEquals(1, late.refused().size(), "a returned code cannot be reported");
    }

    @Test
    void restartOnTheSameDirectoryKeepsEverything() {
        CodeRange range = platform.activateRange(SampleData.KETTLE, 4);
        client.postEvents(List.of(event("r1", range.pattern().code(1), UnitEventType.VERIFIED)));
        int port = platform.port();
        platform.close();
        platform = ReferencePlatform.start(port, dir, ReferencePlatformOptions.demo());
        assertEquals(1, platform.eventCount());
        assertEquals(0, client.postEvents(List.of(event("r1", range.pattern().code(1), UnitEventType.VERIFIED))).accepted());
        assertEquals(5, platform.activateRange(SampleData.KETTLE, 1).pattern().from());
    }

    @Test
    void servesItsContract() throws Exception {
        HttpResponse<String> yaml = get(URI.create(platform.baseUrl() + "/api/platform/v1/openapi.yaml"));
        assertEquals(200, yaml.statusCode());
        assertTrue(yaml.body().startsWith("openapi: 3"));
        assertNotNull(platform.stationToken());
    }

    private static UnitEvent event(String key, String code, UnitEventType type) {
        return new UnitEvent(key, code, SampleData.KETTLE, type, Instant.parse("2025-06-01T01:00:00Z"), "J1", null,
                null, Map.of());
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String body, String token) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(proxy.uri() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}

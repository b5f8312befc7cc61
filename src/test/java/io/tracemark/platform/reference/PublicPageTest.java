package io.tracemark.platform.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracemark.contract.ContractProxy;
import io.tracemark.contract.OpenApiContract;
import io.tracemark.platform.HttpPlatformClient;
import io.tracemark.platform.PlatformClient;
import io.tracemark.platform.wire.UnitEvent;
import io.tracemark.platform.wire.UnitEventType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The consumer page over real HTTP: one self-contained zh-CN document per scan (style inline, no
 * script, nothing from elsewhere), producer and public product fields, and a red warning for codes
 * that were rejected, voided, returned, recalled or never issued. Recalls are announced through the
 * contract-checked admin route.
 */
class PublicPageTest {

    @TempDir
    Path dir;
    ReferencePlatform platform;
    ContractProxy proxy;
    PlatformClient station;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        platform = ReferencePlatform.start(0, dir, ReferencePlatformOptions.demo().withRandomSeed(11));
        proxy = new ContractProxy(OpenApiContract.platform(), platform.baseUrl(), HttpPlatformClient.API_PATH);
        station = new HttpPlatformClient(proxy.uri(), platform.stationToken(), Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        try {
            proxy.assertSeenConform(false);
        } finally {
            proxy.close();
            platform.close();
        }
    }

    @Test
    void aVerifiedUnitShowsProducerProductProductionDateAndAGreenMark() throws Exception {
        String code = platform.activateCodes(SampleData.KETTLE, 1).get(0);
        report(code, UnitEventType.VERIFIED, "2026-03-01T23:30:00Z", Map.of("batch", "L260302"));
        HttpResponse<String> page = get(platform.publicPage(code));
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page.headers().toString());
        String html = page.body();
        assertSelfContained(html);
        assertEquals("passed", verdict(html));
        assertFalse(html.contains("role=\"alert\""), "no warning for a good unit");
        for (String shown : List.of("已通过出厂检验", "电热水壶", "家用电器", "TM-1701 1.7L 1800W", "GB 4706.19-2008",
                "CCC 2025010706000001", "24个月", "使用前请阅读说明书", "广州市示例电器有限公司", "91440101MA59TM0023",
                "广州市天河区示例路1号", "020-12345678", "营业执照 91440101MA59TM0023", "佛山***有限公司", "L260302")) {
            assertTrue(html.contains(shown), shown + " missing: " + html);
        }
        assertTrue(html.contains("<dt>生产日期</dt><dd>2026-03-02</dd>"), "the production day in China time: " + html);
        assertFalse(html.contains("QJ-2025-0001"), "the inspection report is not marked public");
        assertFalse(html.contains("电线电缆"), "a part not marked visible is not shown");
    }

    @Test
    void rejectedVoidedReturnedAndUnproducedCodesAreFlagged() throws Exception {
        List<String> codes = platform.activateCodes(SampleData.KETTLE, 4);
        report(codes.get(0), UnitEventType.REJECTED, "2026-03-01T02:00:00Z", Map.of());
        report(codes.get(1), UnitEventType.VOIDED, "2026-03-01T02:00:00Z", Map.of());
        station.returnCodes(new io.tracemark.platform.wire.CodeReturn("ret-1", SampleData.KETTLE, List.of(codes.get(2))));

        assertWarning(codes.get(0), 200, "rejected", "该产品未通过出厂检验", "请勿购买或使用");
        assertWarning(codes.get(1), 200, "voided", "该追溯码已作废", "请勿购买或使用");
        assertWarning(codes.get(2), 200, "returned", "该追溯码未被使用", "请勿购买或使用");
        String unproduced = get(platform.publicPage(codes.get(3))).body();
        assertEquals("not_produced", verdict(unproduced));
        assertTrue(unproduced.contains("暂无生产记录") && !unproduced.contains("role=\"alert\""), unproduced);
    }

    @Test
    void aCodeNeverIssuedGetsARedWarningAndNoProductCard() throws Exception {
        String html = assertWarning("(01)06901234000016(21)NEVER0001", 404, "never_issued", "未查到该追溯码",
                "请谨防假冒");
        assertTrue(html.contains("12315"), html);
        assertFalse(html.contains("电热水壶"), "a fake carrying the kettle's GTIN gets no product card: " + html);
        assertFalse(html.contains("id=\"product\""), html);
        HttpResponse<String> opaque = get(URI.create(platform.baseUrl() + "/c/NO-SUCH-CODE"));
        assertEquals(404, opaque.statusCode());
        assertEquals("never_issued", verdict(opaque.body()));
    }

    @Test
    void aRecallWarnsOnEveryCodeItCoversAndOnNoOther() throws Exception {
        List<String> codes = platform.activateCodes(SampleData.KETTLE, 3);
        report(codes.get(0), UnitEventType.VERIFIED, "2026-02-10T04:00:00Z", Map.of());
        report(codes.get(1), UnitEventType.VERIFIED, "2026-02-20T04:00:00Z", Map.of());
        report(codes.get(2), UnitEventType.VERIFIED, "2026-02-20T05:00:00Z", Map.of());

        HttpResponse<String> refused = admin("POST", "/recalls", Map.of("productId", "P-NOPE", "reason", " "));
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("productId") && refused.body().contains("reason"), refused.body());

        HttpResponse<String> window = admin("POST", "/recalls", Map.of("productId", SampleData.KETTLE,
                "producedFrom", "2026-02-15", "producedTo", "2026-02-28", "reason", "温控器存在过热风险"));
        assertEquals(201, window.statusCode(), window.body());
        assertEquals("R-1", new ObjectMapper().readTree(window.body()).get("id").asText());

        assertEquals("passed", verdict(get(platform.publicPage(codes.get(0))).body()), "produced before the window");
        String recalled = assertWarning(codes.get(1), 200, "recalled", "该产品已被召回", "停止使用");
        assertTrue(recalled.contains("召回原因：温控器存在过热风险"), recalled);
        assertTrue(recalled.contains("电热水壶"), "the product card stays, so the consumer knows what is recalled");
        assertEquals("recalled", verdict(get(platform.publicPage(codes.get(2))).body()));

        assertEquals(201, admin("POST", "/recalls", Map.of("productId", SampleData.KETTLE, "codes", List.of(codes.get(0)),
                "reason", "标签信息有误")).statusCode());
        assertEquals("recalled", verdict(get(platform.publicPage(codes.get(0))).body()));
        JsonNode all = new ObjectMapper().readTree(admin("GET", "/recalls", null).body());
        assertEquals(2, all.size(), all.toString());
    }

    private String assertWarning(String code, int status, String verdict, String title, String advice) throws Exception {
        HttpResponse<String> page = get(platform.publicPage(code));
        assertEquals(status, page.statusCode(), page.body());
        String html = page.body();
        assertSelfContained(html);
        assertEquals(verdict, verdict(html), html);
        assertTrue(html.contains("class=\"verdict danger\"") && html.contains("role=\"alert\""), html);
        assertTrue(html.contains(title) && html.contains(advice), html);
        assertTrue(html.contains("<title>警告："), "the tab title warns as well: " + html);
        return html;
    }

    /** zh-CN, viewport for phones, style inline, no script, nothing loaded from another place. */
    static void assertSelfContained(String html) {
        assertTrue(html.startsWith("<!DOCTYPE html><html lang=\"zh-CN\">"), html);
        assertTrue(html.contains("name=\"viewport\" content=\"width=device-width, initial-scale=1\""), html);
        assertTrue(html.contains("<style>") && html.contains(".verdict.danger{background:#c62828"), html);
        assertFalse(html.toLowerCase().contains("<script"), "no script needed");
        assertFalse(Pattern.compile("(?i)<link|src=|@import|url\\(|https?://").matcher(html).find(),
                "nothing is fetched from elsewhere: " + html);
    }

    static String verdict(String html) {
        var m = Pattern.compile("data-verdict=\"([a-z_]+)\"").matcher(html);
        assertTrue(m.find(), html);
        return m.group(1);
    }

    @Test
    void aSoldUnitShowsItsCaseAndItsSaleWithTheBuyerMasked() throws Exception {
        String code = platform.activateCodes(SampleData.KETTLE, 1).get(0);
        report(code, UnitEventType.VERIFIED, "2026-03-01T23:30:00Z", Map.of("batch", "L260302"));
        var result = station.postEvents(List.of(
                new UnitEvent("k-" + code + "-agg", code, SampleData.KETTLE, UnitEventType.AGGREGATED,
                        Instant.parse("2026-03-02T01:00:00Z"), "J1", null, "069012340000000016", Map.of()),
                new UnitEvent("k-" + code + "-ship", code, SampleData.KETTLE, UnitEventType.SHIPPED,
                        Instant.parse("2026-03-03T02:00:00Z"), "J1", null, "069012340000000016", Map.of(
                        "orderNumber", "SO-2026-0042", "saleTime", "2026-03-03T01:30:00Z",
                        "buyerName", "广州市越秀电器销售有限公司", "buyerAddress", "广东省广州市越秀区中山五路 1 号",
                        "buyerContact", "13800138000"))));
        assertEquals(2, result.accepted(), "the platform stores the aggregation and shipment events: " + result);
        String html = get(platform.publicPage(code)).body();
        assertSelfContained(html);
        assertEquals("passed", verdict(html));
        for (String shown : List.of("流向信息", "<dt>包装箱码</dt><dd>069012340000000016</dd>",
                "<dt>销售时间</dt><dd>2026-03-03 09:30</dd>", "<dt>销售区域</dt><dd>广东省广州市</dd>",
                "<dt>购买方</dt><dd>广州***有限公司</dd>", "已出厂 2026-03-03")) {
            assertTrue(html.contains(shown), shown + " missing: " + html);
        }
        for (String hidden : List.of("13800138000", "中山五路", "SO-2026-0042", "越秀电器销售")) {
            assertFalse(html.contains(hidden), hidden + " must not be public (5.3.4.4, 7.1.4)");
        }
        assertEquals("广州市", PublicPage.region("广州市越秀区中山五路 1 号"));
        assertEquals("", PublicPage.region(" "));
    }

    private void report(String code, UnitEventType type, String at, Map<String, String> details) {
        var result = station.postEvents(List.of(new UnitEvent("k-" + code + "-" + type, code, SampleData.KETTLE, type,
                Instant.parse(at), "J1", type == UnitEventType.VERIFIED ? null : "test", null, details)));
        assertEquals(1, result.accepted(), result.toString());
    }

    private HttpResponse<String> admin(String method, String path, Object body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(proxy.uri() + HttpPlatformClient.API_PATH + "/admin" + path))
                .header("Authorization", "Bearer " + platform.adminToken()).header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(body)));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }
}

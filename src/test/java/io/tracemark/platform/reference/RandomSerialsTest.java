package io.tracemark.platform.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracemark.codes.ElementString;
import io.tracemark.platform.wire.CodeRange;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import io.tracemark.contract.ContractProxy;
import io.tracemark.contract.OpenApiContract;
import io.tracemark.platform.HttpPlatformClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GS1 serials are drawn at random by default; the public page counts scans and flags copies and fakes. */
class RandomSerialsTest {

    @TempDir
    Path dir;
    ReferencePlatform platform;
    /** Every admin and station exchange goes through it: the replies (bad requests too) must be what the contract says. */
    ContractProxy proxy;

    @BeforeEach
    void start() {
        platform = ReferencePlatform.start(0, dir, ReferencePlatformOptions.demo().withRandomSeed(11));
        proxy = new ContractProxy(OpenApiContract.platform(), platform.baseUrl(), HttpPlatformClient.API_PATH);
    }

    @AfterEach
    void stop() {
        try {
            proxy.assertSeenConform(true);
        } finally {
            proxy.close();
            platform.close();
        }
    }

    @Test
    void serialsAreRandomUniqueAndValidByDefault() throws Exception {
        CodeRange range = platform.activateRange(SampleData.KETTLE, 200);
        assertNull(range.pattern(), "random serials come as an explicit list");
        Set<String> serials = new HashSet<>();
        for (String code : range.codes()) {
            ElementString es = ElementString.parse(code);
            assertTrue(es.isValid(), code);
            String serial = es.get("21").orElseThrow();
            assertEquals(SerialSettings.DEFAULT_LENGTH, serial.length(), code);
            assertTrue(serial.chars().allMatch(c -> SerialSettings.DEFAULT_ALPHABET.indexOf(c) >= 0), code);
            serials.add(serial);
        }
        assertEquals(200, serials.size());
        assertFalse(serials.contains("000000000001"));
        List<String> more = platform.activateCodes(SampleData.KETTLE, 50);
        assertTrue(more.stream().noneMatch(range.codes()::contains), "never reissued");
        assertEquals(200, send("GET", platform.publicPage(range.codes().get(0)).toString(), null).statusCode());
    }

    @Test
    void settingsThatMakeGuessingEasyAreRefusedAndSequentialRemainsAvailable() throws Exception {
        HttpResponse<String> set = send("PUT", admin("/products/" + SampleData.KETTLE + "/serials"),
                "{\"mode\": \"random\", \"alphabet\": \"0123456789\", \"length\": 4}");
        assertEquals(200, set.statusCode(), set.body());
        HttpResponse<String> refused = send("POST", proxy.uri() + "/api/platform/v1/code-requests",
                "{\"productId\": \"" + SampleData.KETTLE + "\", \"quantity\": 2}", SampleData.STATION_TOKEN);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("above the limit 1/10,000"), refused.body());

        assertEquals(200, send("PUT", admin("/products/" + SampleData.KETTLE + "/serials"),
                "{\"mode\": \"sequential\"}").statusCode());
        CodeRange range = platform.activateRange(SampleData.KETTLE, 3);
        assertEquals("(01)06901234000016(21)0000000001", range.pattern().code(1));
        JsonNode shown = new ObjectMapper().readTree(send("GET", admin("/products/" + SampleData.KETTLE + "/serials"),
                null).body());
        assertEquals("sequential", shown.get("mode").asText());
    }

    @Test
    void thePublicPageCountsScansAndFlagsCopiesAndCodesNeverIssued() throws Exception {
        String code = platform.activateCodes(SampleData.KETTLE, 1).get(0);
        URI page = platform.publicPage(code);
        String first = send("GET", page.toString(), null).body();
        assertTrue(first.contains("本码第 1 次被查询"), first);
        assertFalse(first.contains("scan-alert"));
        for (int i = 2; i < ScanCounter.UNUSUAL_SCANS; i++) {
            send("GET", page.toString(), null);
        }
        String copied = send("GET", page.toString(), null).body();
        assertTrue(copied.contains("id=\"scan-alert\""), copied);
        assertTrue(copied.contains("已被查询 " + ScanCounter.UNUSUAL_SCANS + " 次"), copied);

        HttpResponse<String> fake = send("GET", platform.baseUrl() + "/01/06901234000016/21/NOTISSUED123", null);
        assertEquals(404, fake.statusCode());
        assertTrue(fake.body().contains("请谨防假冒"), fake.body());

        JsonNode alerts = new ObjectMapper().readTree(send("GET", admin("/scan-alerts"), null).body());
        assertEquals(2, alerts.size(), alerts.toString());
        assertEquals(code, alerts.get(0).get("code").asText());
        assertEquals("scanned-unusually-often", alerts.get(0).get("reason").asText());
        assertEquals(ScanCounter.UNUSUAL_SCANS, alerts.get(0).get("scans").asInt());
        assertEquals("(01)06901234000016(21)NOTISSUED123", alerts.get(1).get("code").asText());
        assertEquals("never-issued", alerts.get(1).get("reason").asText());
    }

    private String admin(String path) {
        return proxy.uri() + "/api/platform/v1/admin" + path;
    }

    private HttpResponse<String> send(String method, String uri, String body) throws Exception {
        return send(method, uri, body, platform.adminToken());
    }

    private HttpResponse<String> send(String method, String uri, String body, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(uri))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}

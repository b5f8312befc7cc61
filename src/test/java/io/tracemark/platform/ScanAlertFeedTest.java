package io.tracemark.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.contract.ContractProxy;
import io.tracemark.contract.OpenApiContract;
import io.tracemark.core.CounterfeitAlert;
import io.tracemark.platform.reference.ReferencePlatform;
import io.tracemark.platform.reference.SampleData;
import io.tracemark.platform.wire.ScanAlert;
import io.tracemark.store.AuditLog;
import io.tracemark.store.Database;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /scan-alerts} through the contract-validating proxy: the cursor, the producer's alerts
 * only, refused parameters; and the station's puller storing them durably, re-storing a change,
 * keeping an acknowledgement, surviving an outage.
 */
class ScanAlertFeedTest {

    private static final String FAKE_PAGE = "/01/06901234000016/21/FAKE0001";
    /** The reference platform's threshold (its ScanCounter): 20 scans of one issued code raise an alert. */
    private static final int UNUSUAL_SCANS = 20;

    @TempDir
    Path dir;
    ReferencePlatform platform;
    ContractProxy proxy;
    PlatformClient client;

    @BeforeEach
    void start() {
        platform = ReferencePlatform.start(0, dir.resolve("platform"), true);
        proxy = new ContractProxy(OpenApiContract.platform(), platform.baseUrl(), HttpPlatformClient.API_PATH);
        client = new HttpPlatformClient(proxy.uri(), platform.stationToken(), Duration.ofSeconds(10));
    }

    @AfterEach
    void stop() {
        try {
            proxy.close();
        } finally {
            platform.close();
        }
    }

    @Test
    void aStationSeesEachChangeOfItsProducersAlertsOnceInSequenceOrder() throws Exception {
        assertEquals(List.of(), client.scanAlerts(0));
        String copied = platform.activateCodes(SampleData.KETTLE, 1).get(0);
        assertEquals(200, get(platform.publicPage(copied).toString()).statusCode());
        assertEquals(List.of(), client.scanAlerts(0), "one scan of an issued code is what a buyer does");

        assertEquals(404, get(platform.baseUrl() + FAKE_PAGE).statusCode());
        assertEquals(404, get(platform.baseUrl() + "/c/NO-SUCH-OPAQUE-CODE").statusCode());
        List<ScanAlert> first = client.scanAlerts(0);
        assertEquals(1, first.size(), "the opaque code claims no product: the operator's list only; " + first);
        ScanAlert fake = first.get(0);
        assertEquals("(01)06901234000016(21)FAKE0001", fake.code());
        assertEquals(ScanAlert.NEVER_ISSUED, fake.reason());
        assertEquals(SampleData.KETTLE, fake.productId(), "the product whose GTIN it carries");
        assertEquals(1, fake.scans());

        for (int i = 2; i <= UNUSUAL_SCANS; i++) {
            get(platform.publicPage(copied).toString());
        }
        List<ScanAlert> second = client.scanAlerts(fake.sequence());
        assertEquals(1, second.size(), second.toString());
        assertEquals(copied, second.get(0).code());
        assertEquals(ScanAlert.SCANNED_UNUSUALLY_OFTEN, second.get(0).reason());
        assertEquals(UNUSUAL_SCANS, second.get(0).scans());
        assertTrue(second.get(0).sequence() > fake.sequence());

        get(platform.baseUrl() + FAKE_PAGE);
        List<ScanAlert> third = client.scanAlerts(second.get(0).sequence());
        assertEquals(1, third.size(), "a change gives the alert a new sequence: " + third);
        assertEquals(2, third.get(0).scans());
        assertEquals(fake.firstScanAt(), third.get(0).firstScanAt());
        assertEquals(List.of(), client.scanAlerts(third.get(0).sequence()));
        assertEquals(2, client.scanAlerts(0).size(), "one alert per code, each at its latest change");
        proxy.assertConforms();

        HttpResponse<String> bad = get(proxy.uri() + "/api/platform/v1/scan-alerts?after=-1", platform.stationToken());
        assertEquals(400, bad.statusCode());
        assertTrue(bad.body().contains("\"field\":\"after\""), bad.body());
        assertEquals(400, get(proxy.uri() + "/api/platform/v1/scan-alerts?limit=501", platform.stationToken()).statusCode());
        assertEquals(401, get(proxy.uri() + "/api/platform/v1/scan-alerts", "not-a-token").statusCode());
        assertEquals(3, adminAlertCount(), "the operator sees the opaque code too");
        proxy.assertResponsesConform();
    }

    @Test
    void thePullerStoresAlertsDurablyKeepsAnAcknowledgementAndSurvivesAnOutage() throws Exception {
        String copied = platform.activateCodes(SampleData.KETTLE, 1).get(0);
        get(platform.baseUrl() + FAKE_PAGE);
        Backoff backoff = new Backoff(Duration.ofMillis(10), Duration.ofMillis(50), 0, 1);
        try (Database db = Database.open(dir.resolve("station"))) {
            StoredScanAlerts stored = new StoredScanAlerts(db, new AuditLog(db), Clock.systemUTC());
            int[] changes = new int[1];
            stored.onChange(() -> changes[0]++);
            ScanAlertPuller puller = new ScanAlertPuller(client, stored, Duration.ofMinutes(5), backoff, Clock.systemUTC());
            assertEquals(1, puller.pullNow());
            assertEquals(1, changes[0]);
            assertEquals(1, stored.unacknowledged());
            assertEquals(0, puller.pullNow(), "nothing new after the cursor");

            CounterfeitAlert acked = stored.acknowledge("(01)06901234000016(21)FAKE0001", "1001").orElseThrow();
            assertEquals("1001", acked.acknowledgedBy());
            assertEquals(acked, stored.acknowledge("(01)06901234000016(21)FAKE0001", "2001").orElseThrow(),
                    "the first acknowledgement stays");
            assertEquals(1, db.count("SELECT count(*) FROM audit_log WHERE action = 'scan-alert.ack' AND actor = '1001'"));
            assertEquals(0, db.count("SELECT count(*) FROM audit_log WHERE action = 'scan-alert.ack' AND actor = '2001'"));
            assertTrue(stored.acknowledge("(01)unknown", "1001").isEmpty());

            get(platform.baseUrl() + FAKE_PAGE);
            for (int i = 0; i < UNUSUAL_SCANS; i++) {
                get(platform.publicPage(copied).toString());
            }
            assertEquals(2, puller.pullNow());
            List<CounterfeitAlert> all = stored.all();
            assertEquals(copied, all.get(0).code(), "unacknowledged first: " + all);
            CounterfeitAlert fake = all.get(1);
            assertEquals(2, fake.scans(), "the change was stored");
            assertEquals("1001", fake.acknowledgedBy(), "and the acknowledgement kept");
            long cursor = stored.cursor(client.describe());

            platform.close();
            PlatformException down = assertThrows(PlatformException.class, puller::pullNow);
            assertEquals(PlatformException.Kind.UNREACHABLE, down.kind(), down.getMessage());
            assertEquals(2, stored.all().size(), "what was stored stays");
            assertEquals(cursor, stored.cursor(client.describe()));
            assertEquals(0, stored.cursor("platform https://another.example"), "another platform's sequences are its own");
        }
        platform = ReferencePlatform.start(0, dir.resolve("another-platform"), true); // its sequences start again at 1
        get(platform.baseUrl() + FAKE_PAGE);
        try (Database reopened = Database.open(dir.resolve("station"))) {
            StoredScanAlerts stored = new StoredScanAlerts(reopened, new AuditLog(reopened), Clock.systemUTC());
            assertEquals(2, stored.all().size(), "kept across a restart");
            PlatformClient other = platform.client();
            assertEquals(1, new ScanAlertPuller(other, stored, Duration.ofMinutes(5), backoff, Clock.systemUTC()).pullNow(),
                    "a station linked to another platform pulls from its start");
            CounterfeitAlert fake = stored.all().stream().filter(a -> a.code().endsWith("FAKE0001")).findFirst().orElseThrow();
            assertEquals(1, fake.scans(), "as the new platform counts it");
            assertEquals("1001", fake.acknowledgedBy(), "the acknowledgement kept");
            assertEquals(1, stored.cursor(other.describe()));
        }
    }

    private long adminAlertCount() throws Exception {
        HttpResponse<String> r = get(proxy.uri() + "/api/platform/v1/admin/scan-alerts", platform.adminToken());
        assertEquals(200, r.statusCode(), r.body());
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).size();
    }

    private static HttpResponse<String> get(String uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(uri)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String uri, String token) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(uri))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }
}

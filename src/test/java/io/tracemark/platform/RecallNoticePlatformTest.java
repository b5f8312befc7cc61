package io.tracemark.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.contract.ContractProxy;
import io.tracemark.contract.OpenApiContract;
import io.tracemark.ledger.AllocatedCode;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.Unit;
import io.tracemark.pack.RecallNotice;
import io.tracemark.pack.RecallSelector;
import io.tracemark.pack.Recalls;
import io.tracemark.platform.reference.ReferencePlatform;
import io.tracemark.platform.reference.SampleData;
import io.tracemark.store.Database;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recall notice end to end (guideline 6.4): a station recalls a batch, its outbox sends a RECALLED event per
 * verified unit to the reference platform over loopback HTTP (checked against docs/platform-api.yaml), the
 * platform stores them, and the public page a consumer gets for a recalled code shows the red 「已召回」 warning
 * with the reason, script-free; a rejected unit of the batch keeps its own warning.
 */
class RecallNoticePlatformTest {

    @TempDir
    Path dir;

    @Test
    void aRecalledBatchReachesThePlatformAndItsPublicPageWarnsConsumers() throws Exception {
        try (ReferencePlatform platform = ReferencePlatform.start(0, dir.resolve("platform"), true);
             ContractProxy proxy = new ContractProxy(OpenApiContract.platform(), platform.baseUrl(),
                     HttpPlatformClient.API_PATH);
             Database db = Database.open(dir.resolve("station"))) {
            PlatformClient client = new HttpPlatformClient(proxy.uri(), platform.stationToken(), Duration.ofSeconds(10));
            CodeLedger ledger = new CodeLedger(db);
            LedgerCodeStock stock = new LedgerCodeStock(ledger, db, ReferencePlatform.stationSchemes());
            PullerSettings settings = new PullerSettings(Duration.ofMinutes(5), 2, 0.5,
                    Map.of(SampleData.KETTLE, 10L, SampleData.HELMET, 1L), 10, 1000);
            assertEquals(null, new CodeRangePuller(client, stock, settings, new StationPlatformTest.Alarms()).pullNow().error());
            StationPlatformTest.insertJobDetails(db, ledger, "J1", SampleData.KETTLE, 6);
            List<AllocatedCode> codes = ledger.allocate("J1", 6, "gs1", "op");
            List<Unit> units = ledger.markSent("J1", codes.stream().map(AllocatedCode::code).toList(), "op");
            for (Unit u : units) {
                if (u.seq() == 6) {
                    ledger.reject(u.id(), "no read", null, "op");
                } else {
                    ledger.verify(u.id(), "B", "op");
                }
            }

            RecallNotice notice = new Recalls(db).announce(new RecallSelector.ByBatch("B1"), "温控器存在过热风险", "2001");
            assertEquals(5, notice.events());
            OutboxSender sender = new OutboxSender(db, ledger.outbox(), client, new JobProducts(db),
                    OutboxSenderTest.fast(50), Clock.systemUTC());
            sender.start();
            try {
                assertTrue(sender.awaitDrained(Duration.ofSeconds(30)));
            } finally {
                sender.close();
            }
            assertEquals(6 + 5, platform.eventCount(), "six verdicts and five RECALLED events, each once");
            assertEquals("RECALLED", platform.codeStatus(codes.get(0).code()).orElseThrow().lastEvent().name());

            String page = page(platform.baseUrl(), codes.get(0).code());
            assertTrue(page.contains("data-verdict=\"recalled\""), page);
            assertTrue(page.contains("class=\"verdict danger\""), page);
            assertTrue(page.contains("<p id=\"recalled\" class=\"recalled\">已召回</p>"), page);
            assertTrue(page.contains("召回原因：温控器存在过热风险"), page);
            assertTrue(page.contains("已召回 20"), "the status row: " + page);
            assertFalse(page.toLowerCase().contains("<script"), "the public page has no script");
            String rejected = page(platform.baseUrl(), codes.get(5).code());
            assertTrue(rejected.contains("data-verdict=\"rejected\""), "the rejected unit was not recalled: " + rejected);
            proxy.assertSeenConform(false);
        }
    }

    private static String page(URI base, String code) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                base.resolve("/c/" + URLEncoder.encode(code, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }
}

package io.tracemark.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracemark.contract.ContractProxy;
import io.tracemark.contract.OpenApiContract;
import io.tracemark.platform.HttpPlatformClient;
import io.tracemark.platform.PlatformClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.tracemark.platform.PlatformException;
import io.tracemark.platform.reference.ReferencePlatform;
import io.tracemark.platform.reference.SampleData;
import io.tracemark.platform.wire.CodeRange;
import io.tracemark.platform.wire.CodeRequest;
import io.tracemark.platform.wire.CodeRequestStatus;
import io.tracemark.platform.wire.CodeReturn;
import io.tracemark.platform.wire.EventBatchResult;
import io.tracemark.platform.wire.NewCodeRequest;
import io.tracemark.platform.wire.RangeAck;
import io.tracemark.platform.wire.RangeStatus;
import io.tracemark.platform.wire.ReturnResult;
import io.tracemark.platform.wire.UnitEvent;
import io.tracemark.platform.wire.UnitEventType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The site against a real PostgreSQL and the reference platform, through the contract as a station speaks it. */
class SiteServerTest {

    @TempDir
    Path dir;

    @Test
    void codesFlowFromThePlatformThroughTheSitePoolToOneStationEachAndUnusedOnesComeBack() throws Exception {
        try (ReferencePlatform platform = ReferencePlatform.start(0, dir.resolve("platform"), true);
             SiteServer site = SiteServer.start(TestSites.config("flow", platform, 2, 500));
             ContractProxy contract = new ContractProxy(OpenApiContract.platform(), site.url(), HttpPlatformClient.API_PATH);
             ContractProxy siteApi = new ContractProxy(OpenApiContract.site(), site.url(), "/api/site/v1")) {
            PlatformClient one = new HttpPlatformClient(contract.uri(), TestSites.token(1), Duration.ofSeconds(30));
            PlatformClient two = new HttpPlatformClient(contract.uri(), TestSites.token(2), Duration.ofSeconds(30));
            assertEquals(platform.client().products().size(), one.products().size(), "master data copied on demand");
            assertEquals(SampleData.KETTLE, one.producers().isEmpty() ? null : one.products().stream()
                    .filter(p -> p.id().equals(SampleData.KETTLE)).findFirst().orElseThrow().id());

            CodeRequest r1 = one.requestCodes(new NewCodeRequest(SampleData.KETTLE, 200, null));
            assertEquals(CodeRequestStatus.ACTIVATED, r1.status(), r1.toString());
            List<CodeRange> ranges1 = one.activatedRanges(null);
            assertEquals(1, ranges1.size());
            CodeRange range1 = ranges1.get(0);
            assertEquals(200, range1.codes().size());
            assertEquals(r1.rangeId(), range1.id());
            one.acknowledge(range1.id(), RangeAck.accept());
            one.acknowledge(range1.id(), RangeAck.accept()); // repeating is harmless
            assertThrows(PlatformException.class, () -> one.acknowledge(range1.id(), RangeAck.refuse("no", List.of())));
            assertTrue(one.activatedRanges(null).isEmpty(), "an accepted range is not offered again");

            CodeRequest r2 = two.requestCodes(new NewCodeRequest(SampleData.KETTLE, 200, null));
            CodeRange range2 = two.activatedRanges(SampleData.KETTLE).get(0);
            two.acknowledge(range2.id(), RangeAck.accept());
            Set<String> overlap = new HashSet<>(range1.codes());
            overlap.retainAll(range2.codes());
            assertEquals(Set.of(), overlap, "no code handed to two stations");
            assertEquals(1, platform.ranges().size(), "one platform range shared out: " + platform.ranges());
            assertEquals(RangeStatus.ACCEPTED, platform.ranges().get(0).status(), "the site acknowledged it");
            assertThrows(PlatformException.class, () -> two.codeRequest(r1.id()), "a station sees only its requests");
            assertThrows(PlatformException.class, () -> two.acknowledge(range1.id(), RangeAck.accept()));

            // station 1 prints 3 codes, returns 100 unused (one of which it printed: refused), one of station 2's: refused
            List<UnitEvent> events = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                events.add(new UnitEvent("line-1/unit/" + i, range1.codes().get(i), SampleData.KETTLE,
                        UnitEventType.VERIFIED, Instant.parse("2026-12-02T08:00:00Z").plusSeconds(i), "job-1", null, null,
                        Map.of()));
            }
            EventBatchResult taken = one.postEvents(events);
            assertEquals(3, taken.accepted());
            assertEquals(3, one.postEvents(events).duplicates(), "a re-sent batch is counted as duplicates");
            UnitEvent changed = new UnitEvent("line-1/unit/0", range1.codes().get(0), SampleData.KETTLE,
                    UnitEventType.REJECTED, events.get(0).occurredAt(), "job-1", "x", null, Map.of());
            PlatformException reused = assertThrows(PlatformException.class, () -> one.postEvents(List.of(changed)));
            assertEquals(409, reused.status());

            List<String> back = new ArrayList<>(range1.codes().subList(100, 199));
            back.add(range1.codes().get(0));
            back.add(range2.codes().get(0));
            ReturnResult ret = one.returnCodes(new CodeReturn("line-1/codes-return/job-1/P-KETTLE", SampleData.KETTLE, back));
            assertEquals(99, ret.returned(), ret.toString());
            assertEquals(2, ret.refused().size(), ret.toString());
            assertTrue(one.returnCodes(new CodeReturn("line-1/codes-return/job-1/P-KETTLE", SampleData.KETTLE, back))
                    .duplicate());

            CodeRequest r3 = two.requestCodes(new NewCodeRequest(SampleData.KETTLE, 150, null));
            CodeRange range3 = two.activatedRanges(null).get(0);
            assertTrue(range3.codes().containsAll(range1.codes().subList(100, 199)),
                    "codes returned unused go back to the pool and to another station");
            assertFalse(range3.codes().contains(range1.codes().get(0)), "a printed code never goes to a second station");
            two.acknowledge(range3.id(), RangeAck.accept());
            CodeRequest r4 = one.requestCodes(new NewCodeRequest(SampleData.KETTLE, 150, null));
            CodeRange range4 = one.activatedRanges(null).get(0);
            Set<String> again = new HashSet<>(range4.codes());
            again.retainAll(range1.codes());
            assertEquals(Set.of(), again, "a station never gets back a code it held before: " + r3 + r4);

            awaitForwarded(site, 3);
            assertEquals(3, platform.eventCount(), "every event reached the platform once");
            assertEquals(UnitEventType.VERIFIED, platform.codeStatus(range1.codes().get(0)).orElseThrow().lastEvent());
            assertEquals(1, platform.codeStatus(range1.codes().get(0)).orElseThrow().eventCount());
            assertEquals(1, one.codeStatus(range1.codes().get(0)).eventCount(), "code status asked of the platform live");

            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> status = http.send(HttpRequest.newBuilder(URI.create(siteApi.uri() + "/api/site/v1/status"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, status.statusCode());
            JsonNode doc = new ObjectMapper().readTree(status.body());
            JsonNode line1 = doc.get("lines").get(0);
            assertEquals("line-1", line1.get("stationId").asText());
            assertEquals(3, line1.get("verified").asInt());
            assertEquals(100.0, line1.get("yieldPercent").asDouble());
            assertEquals(200 - 99 - 3 + 150, line1.get("codesHeld").asInt(), doc.toString());
            HttpResponse<String> registered = http.send(HttpRequest.newBuilder(URI.create(siteApi.uri()
                    + "/api/site/v1/admin/stations")).header("Authorization", "Bearer site-admin-token-for-tests")
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
                            "{\"id\":\"line-9\",\"name\":\"Line 9\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, registered.statusCode(), registered.body());
            String token9 = new ObjectMapper().readTree(registered.body()).get("token").asText();
            assertEquals(4, new HttpPlatformClient(contract.uri(), token9, Duration.ofSeconds(10)).products().size(),
                    "a station registered through the admin API uses the site at once");
            HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(siteApi.uri()
                    + "/api/site/v1/admin/stations")).header("Authorization", "Bearer wrong").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(401, refused.statusCode());
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(site.url() + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertTrue(page.body().contains("data-station=\"line-1\"") && page.body().contains("line-9"), page.body());
            contract.assertConforms();
            siteApi.assertConforms();
        }
    }

    @Test
    void aStationWithoutAKnownTokenIsRefused() throws Exception {
        try (ReferencePlatform platform = ReferencePlatform.start(0, dir.resolve("platform"), true);
             SiteServer site = SiteServer.start(TestSites.config("auth", platform, 1, 100))) {
            PlatformClient stranger = new io.tracemark.platform.HttpPlatformClient(site.url(), "not-a-station-token-xx",
                    Duration.ofSeconds(10));
            PlatformException e = assertThrows(PlatformException.class, stranger::products);
            assertEquals(401, e.status());
        }
    }

    static void awaitForwarded(SiteServer site, long events) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (site.forwarder().lag().events() > 0 || site.forwarder().lag().forwarded() < events) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the site did not forward " + events + " events: " + site.forwarder().lag());
            }
            Thread.sleep(50);
        }
    }
}

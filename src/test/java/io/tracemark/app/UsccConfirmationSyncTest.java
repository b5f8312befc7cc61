package io.tracemark.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.tracemark.contract.ContractProxy;
import io.tracemark.contract.OpenApiContract;
import io.tracemark.master.MasterDataStore;
import io.tracemark.master.UsccConfirmation;
import io.tracemark.platform.HttpPlatformClient;
import io.tracemark.platform.PlatformClient;
import io.tracemark.platform.reference.ReferencePlatform;
import io.tracemark.platform.reference.SampleData;
import io.tracemark.platform.wire.Producer;
import io.tracemark.store.AuditLog;
import io.tracemark.store.Database;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A producer whose USCC fails its check character but that a person confirmed on the platform reaches
 * the station with the confirmation (who, when, where), stored and audited; without a confirmation the
 * station still refuses it, saying why.
 */
class UsccConfirmationSyncTest {

    private static final String EARLY = "91350100M000100Y44";

    @TempDir
    Path dir;

    @Test
    void aConfirmationMadeOnThePlatformComesWithTheProducerAndIsAuditedOnce() throws Exception {
        try (ReferencePlatform platform = ReferencePlatform.start(0, dir.resolve("platform"), true);
             ContractProxy proxy = new ContractProxy(OpenApiContract.platform(), platform.baseUrl(),
                     HttpPlatformClient.API_PATH);
             Database db = Database.open(dir.resolve("station"))) {
            HttpResponse<String> confirmed = admin(platform, proxy, "POST", "/admin/uscc-confirmations",
                    "{\"uscc\": \"" + EARLY + "\", \"confirmedBy\": \"王工\"}");
            assertEquals(201, confirmed.statusCode(), confirmed.body());
            assertTrue(confirmed.body().contains("\"confirmedOn\":\"reference platform " + platform.baseUrl() + "\""),
                    confirmed.body());
            Producer sample = platform.client().producers().get(0);
            HttpResponse<String> put = admin(platform, proxy, "PUT", "/admin/producers/" + SampleData.PRODUCER,
                    "{\"id\": \"" + SampleData.PRODUCER + "\", \"name\": \"" + sample.name() + "\", \"uscc\": \"" + EARLY
                            + "\", \"address\": \"" + sample.address() + "\", \"contact\": \"" + sample.contact()
                            + "\", \"businessLicence\": \"" + sample.businessLicence() + "\"}");
            assertEquals(200, put.statusCode(), put.body());

            PlatformClient client = new HttpPlatformClient(proxy.uri(), platform.stationToken(), Duration.ofSeconds(10));
            Producer wire = client.producers().get(0);
            assertEquals("王工", wire.usccConfirmation().confirmedBy());
            MasterDataStore store = new MasterDataStore(db, new AuditLog(db));
            MasterDataSync.Outcome outcome = MasterDataSync.sync(client, store, "platform-link");
            assertTrue(outcome.refused().stream().noneMatch(r -> r.startsWith("producer")), outcome.toString());
            assertEquals(EARLY, store.producer(SampleData.PRODUCER).orElseThrow().uscc());
            UsccConfirmation kept = store.usccConfirmation(EARLY).orElseThrow();
            assertEquals("王工", kept.confirmedBy());
            assertEquals(wire.usccConfirmation().confirmedAt(), kept.confirmedAt());
            assertEquals("reference platform " + platform.baseUrl(), kept.confirmedOn());
            assertTrue(kept.onPlatform());
            String audit = db.read(c -> {
                try (var rs = c.createStatement().executeQuery(
                        "SELECT actor || ' ' || detail FROM audit_log WHERE action = 'uscc.confirm'")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertTrue(audit.startsWith("platform-link " + EARLY + " confirmed by 王工 on reference platform "), audit);

            assertEquals(0, MasterDataSync.sync(client, store, "platform-link").saved(), "nothing changed");
            assertEquals(1, db.count("SELECT count(*) FROM audit_log WHERE action = 'uscc.confirm'"), "audited once");
            proxy.assertConforms();
        }
    }

    @Test
    void aFailingUsccWithoutAConfirmationIsStillRefusedWithTheReason() throws Exception {
        String producer = "[{\"id\": \"early\", \"name\": \"某公司\", \"uscc\": \"" + EARLY + "\", \"address\": \"福州\","
                + " \"contact\": \"0591-1\", \"businessLicence\": \"营业执照\"%s}]";
        String[] reply = {producer.formatted("")};
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/platform/v1/", exchange -> {
            byte[] body = (exchange.getRequestURI().getPath().endsWith("/producers") ? reply[0] : "[]")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        try (Database db = Database.open(dir.resolve("station"))) {
            PlatformClient client = new HttpPlatformClient(URI.create("http://127.0.0.1:" + server.getAddress().getPort()),
                    "token", Duration.ofSeconds(10));
            MasterDataStore store = new MasterDataStore(db, new AuditLog(db));
            MasterDataSync.Outcome outcome = MasterDataSync.sync(client, store, "platform-link");
            assertEquals(1, outcome.refused().size(), outcome.toString());
            String why = outcome.refused().get(0);
            assertTrue(why.startsWith("producer early not taken: "), why);
            assertTrue(why.contains("check character should be 3"), why);
            assertTrue(why.contains("accepted only once a person confirms it"), why);
            assertTrue(store.producer("early").isEmpty());

            reply[0] = producer.formatted(", \"usccConfirmation\": {\"uscc\": \"91350100M000100Y43\", \"confirmedBy\": \"王工\","
                    + " \"confirmedAt\": \"2026-11-30T08:00:00Z\", \"confirmedOn\": \"某平台\"}");
            assertEquals(1, MasterDataSync.sync(client, store, "platform-link").refused().size(),
                    "a confirmation of another code does not count");
            reply[0] = producer.formatted(", \"usccConfirmation\": {\"uscc\": \"" + EARLY + "\", \"confirmedBy\": \" \","
                    + " \"confirmedAt\": \"2026-11-30T08:00:00Z\", \"confirmedOn\": \"某平台\"}");
            String nobody = MasterDataSync.sync(client, store, "platform-link").refused().get(0);
            assertTrue(nobody.contains("the confirming person") && nobody.contains("the platform's confirmation was refused"),
                    nobody);
            assertTrue(store.producer("early").isEmpty());
            assertEquals(0, db.count("SELECT count(*) FROM audit_log"), "nothing stored, nothing audited");
        } finally {
            server.stop(0);
        }
    }

    private static HttpResponse<String> admin(ReferencePlatform platform, ContractProxy proxy, String method, String path,
                                              String body) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(proxy.uri() + "/api/platform/v1" + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + platform.adminToken())
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}

package io.tracemark.platform.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import io.tracemark.contract.ContractProxy;
import io.tracemark.contract.OpenApiContract;
import io.tracemark.platform.HttpPlatformClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reference platform refuses a producer whose USCC fails its check until a person confirms it. */
class UsccConfirmationTest {

    private static final String EARLY = "91350100M000100Y44";
    private static final String PRODUCER = "{\"id\": \"early\", \"name\": \"某公司\", \"uscc\": \"" + EARLY
            + "\", \"address\": \"福州\", \"contact\": \"0591-1\", \"businessLicence\": \"营业执照\"}";

    @TempDir
    Path dir;
    ReferencePlatform platform;
    /** Every admin and station exchange goes through it: the replies (bad requests too) must be what the contract says. */
    ContractProxy proxy;

    @BeforeEach
    void start() {
        platform = ReferencePlatform.start(0, dir, ReferencePlatformOptions.demo().withRandomSeed(3));
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
    void producerIsTakenOnlyAfterAPersonConfirmedTheUscc() throws Exception {
        HttpResponse<String> refused = send("PUT", "/admin/producers/early", PRODUCER);
        assertEquals(400, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("check character should be 3"), refused.body());
        assertTrue(refused.body().contains("accepted only once a person confirms it"), refused.body());
        assertEquals(404, send("GET", "/admin/uscc-confirmations/" + EARLY, null).statusCode());

        assertEquals(400, send("POST", "/admin/uscc-confirmations", "{\"uscc\": \"" + EARLY + "\"}").statusCode(),
                "a confirmation names the person");
        assertEquals(400, send("POST", "/admin/uscc-confirmations",
                "{\"uscc\": \"91350100M000100Y43\", \"confirmedBy\": \"王工\"}").statusCode(), "valid: nothing to confirm");
        HttpResponse<String> confirmed = send("POST", "/admin/uscc-confirmations",
                "{\"uscc\": \"" + EARLY + "\", \"confirmedBy\": \"王工\"}");
        assertEquals(201, confirmed.statusCode(), confirmed.body());

        assertEquals(200, send("PUT", "/admin/producers/early", PRODUCER).statusCode());
        JsonNode shown = new ObjectMapper().readTree(send("GET", "/admin/uscc-confirmations/" + EARLY, null).body());
        assertEquals("王工", shown.get("confirmedBy").asText());
        assertTrue(shown.get("confirmedAt").asText().startsWith("20"), shown.toString());
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(proxy.uri() + "/api/platform/v1" + path))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + platform.adminToken())
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}

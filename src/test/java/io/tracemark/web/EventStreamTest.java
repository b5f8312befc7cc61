package io.tracemark.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventStreamTest {

    private final TestStation station = new TestStation(PanelSettings.defaults().withHeartbeat(Duration.ofMillis(200)));
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private Thread reader;

    @AfterEach
    void stop() {
        station.close();
        if (reader != null) {
            reader.interrupt();
        }
    }

    @Test
    void changesArePushedWithinHalfASecondWithHeartbeatsBetween() throws Exception {
        ApiClient operator = station.signedIn("1001", "1234");
        HttpResponse<InputStream> response = open(operator);
        assertEquals(200, response.statusCode());
        assertEquals("text/event-stream", response.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        JsonNode first = nextStatus();
        assertEquals("STOPPED", first.get("state").asText());

        operator.post("/line/start", LineApiTest.job());
        awaitState("EXECUTE");
        StandInLine.png("warm up fonts", 10, 10);
        long sent = System.nanoTime();
        station.line.produce(5);
        JsonNode pushed = awaitVerified(5);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
        assertTrue(millis < 500, "pushed after " + millis + " ms");
        assertEquals(3, pushed.get("platform").get("outboxBacklog").asInt());
        assertEquals(": heartbeat", awaitLine(l -> l.startsWith(":")));
    }

    @Test
    void theStreamNeedsASignIn() throws Exception {
        HttpResponse<InputStream> response = open(station.client());
        assertEquals(401, response.statusCode());
    }

    private HttpResponse<InputStream> open(ApiClient client) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(station.directClient().base() + PanelServer.API + "/events"))
                .header("Accept", "text/event-stream");
        if (client.session != null) {
            request.header("Cookie", Gate.SESSION_COOKIE + "=" + client.session);
        }
        HttpResponse<InputStream> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(request.build(),
                HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() == 200) {
            reader = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        lines.add(line);
                    }
                } catch (java.io.IOException e) {
                    lines.add("#closed " + e);
                }
            }, "sse-reader");
            reader.setDaemon(true);
            reader.start();
        }
        return response;
    }

    private JsonNode nextStatus() throws Exception {
        String data = awaitLine(l -> l.startsWith("data:"));
        return ApiClient.JSON.readTree(data.substring(5).strip());
    }

    private JsonNode awaitState(String state) throws Exception {
        while (true) {
            JsonNode status = nextStatus();
            if (status.get("state").asText().equals(state)) {
                return status;
            }
        }
    }

    private JsonNode awaitVerified(int verified) throws Exception {
        while (true) {
            JsonNode status = nextStatus();
            if (status.get("counters").get("verified").asInt() == verified) {
                return status;
            }
        }
    }

    private String awaitLine(java.util.function.Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (true) {
            String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new AssertionError("no matching event line within 5 s");
            }
            if (wanted.test(line)) {
                return line;
            }
        }
    }
}

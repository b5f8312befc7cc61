package io.tracemark.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracemark.line.LineSettings;
import io.tracemark.line.PackMlState;
import io.tracemark.platform.reference.ReferencePlatform;
import io.tracemark.platform.reference.SampleData;
import io.tracemark.site.Mosquitto;
import io.tracemark.site.PostgresCluster;
import io.tracemark.site.SiteConfig;
import io.tracemark.site.SiteServer;
import io.tracemark.sim.DegradationMix;
import io.tracemark.web.PanelServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A simulated line's station with its touch panel, a site that reads the panel with an operator API
 * token, and a Mosquitto broker: the line's PackML state, counters and alarms arrive as retained
 * PackML tags under the line's topic tree, as the line runs and as a paper-out stops it; the site page
 * shows the same state and links to the panel.
 */
class SiteMqttTest {

    @TempDir
    Path dir;

    @Test
    void lineStateCountersAndAlarmsArePublishedAsPackMlTagsOneTopicTreePerLine() throws Exception {
        SimulatedLine.Options fast = SimulatedLine.Options.demo(dir.resolve("station"))
                .withFaults(LineFaults.parse("printer.paperOutAfter=25", DegradationMix.none(), 3))
                .withSettings(LineSettings.defaults().withChallengeAtStart(false));
        // a printer of 5 labels/s: the line executes for about 5 s before the paper runs out, several of the
        // site's 1 s polls of the panel (at full speed the 25 labels can be done between two polls)
        SimulatedLine.Options options = new SimulatedLine.Options(fast.dataDir(), fast.faults(), fast.settings(),
                fast.codes(), fast.seed(), 5, fast.printerProfile());
        try (Mosquitto broker = Mosquitto.start(dir);
             ReferencePlatform platform = ReferencePlatform.start(0, dir.resolve("platform"), true);
             SimulatedLine sim = SimulatedLine.start(options);
             PanelServer panel = sim.station().startPanel("432100")) {
            String token = panel.services().accounts().createToken("site", "operator").secret();
            SiteConfig config = new SiteConfig("site-mqtt", new SiteConfig.Listen("127.0.0.1", 0),
                    PostgresCluster.shared().newDatabase("mqtt"),
                    new SiteConfig.Platform(platform.baseUrl(), SampleData.STATION_TOKEN, 10, 3600),
                    new SiteConfig.Pool(100, 1000), List.of(new SiteConfig.StationEntry("line-1", "Line 1",
                            "line-1-token-of-the-mqtt-test", URI.create("http://127.0.0.1:" + panel.port()), token),
                            new SiteConfig.StationEntry("line-2", "Line 2", "line-2-token-of-the-mqtt-test")),
                    new SiteConfig.Mqtt(URI.create(broker.url()), "tracemark/site-mqtt", 1), null);
            Map<String, String> tags = new ConcurrentHashMap<>();
            MqttClient subscriber = new MqttClient(broker.url(), "test-subscriber", new MemoryPersistence());
            subscriber.connect();
            subscriber.subscribe("tracemark/site-mqtt/#", 1, (topic, m) -> tags.put(topic,
                    new String(m.getPayload(), StandardCharsets.UTF_8)));
            try (SiteServer site = SiteServer.start(config)) {
                String line = "tracemark/site-mqtt/line-1/";
                await("the state of the line without a job", () -> "STOPPED".equals(tags.get(line + "Status/StateCurrentName")),
                        tags);
                assertEquals("2", tags.get(line + "Status/StateCurrent"), "PackML Stopped is 2");
                assertEquals("0", tags.get("tracemark/site-mqtt/line-2/Status/StateCurrent"),
                        "a line without a panel in site.yaml is Undefined");

                sim.line().start(SampleStation.itemJob(200, LocalDate.now()), "9001");
                await("the line executing", () -> "6".equals(tags.get(line + "Status/StateCurrent")), tags);
                await("units counted", () -> Long.parseLong(tags.getOrDefault(line + "Admin/ProdProcessedCount", "0")) >= 5,
                        tags);
                // the printer runs out of paper after 25 labels: the line stops with an alarm
                await("the paper-out alarm", () -> !tags.getOrDefault(line + "Admin/AlarmExtent", "0").equals("0"), tags);
                JsonNode alarms = new ObjectMapper().readTree(tags.get(line + "Admin/Alarm"));
                assertTrue(alarms.size() >= 1 && alarms.get(0).get("Message").asText().length() > 0, alarms.toString());
                PackMlState state = sim.line().snapshot().state();
                await("the stopped state", () -> !"6".equals(tags.get(line + "Status/StateCurrent")), tags);
                long rejected = sim.line().snapshot().counters().rejected();
                long judged = sim.line().snapshot().counters().verified() + rejected;
                await("the job's counts", () -> String.valueOf(judged).equals(tags.get(line + "Admin/ProdProcessedCount")), tags);
                assertEquals(String.valueOf(rejected), tags.get(line + "Admin/ProdDefectiveCount"));
                assertTrue(tags.containsKey("tracemark/site-mqtt/site/Tracemark/OutboxEvents"), tags.toString());

                HttpResponse<String> page = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(site.url() + "/")).build(), HttpResponse.BodyHandlers.ofString());
                assertTrue(page.body().contains("<a href=\"http://127.0.0.1:" + panel.port() + "\">line-1</a>"), page.body());
                assertTrue(page.body().contains(sim.line().snapshot().state().name()), state + ": " + page.body());
            } finally {
                subscriber.disconnect();
                subscriber.close();
            }
        }
    }

    private static void await(String what, BooleanSupplier condition, Map<String, String> tags) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("MQTT: no " + what + " within 90 s; tags: " + tags);
            }
            Thread.sleep(50);
        }
    }
}

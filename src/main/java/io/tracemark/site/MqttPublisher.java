package io.tracemark.site;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes every line's state, counters and alarms to the plant's MQTT broker (Eclipse Paho) as
 * PackML tags, one topic tree per line, retained, QoS 1, every {@code mqtt.intervalSeconds}:
 * <pre>
 * &lt;root&gt;/&lt;station&gt;/Status/StateCurrent        PackML state number (ISA-TR88.00.02 PackTags: 2 Stopped, 4 Idle, 6 Execute, 11 Held, 9 Aborted, …)
 * &lt;root&gt;/&lt;station&gt;/Status/StateCurrentName    the state's name, e.g. EXECUTE
 * &lt;root&gt;/&lt;station&gt;/Status/CurMachSpeed        units per minute
 * &lt;root&gt;/&lt;station&gt;/Admin/ProdProcessedCount   units judged (verified + rejected)
 * &lt;root&gt;/&lt;station&gt;/Admin/ProdDefectiveCount   units rejected
 * &lt;root&gt;/&lt;station&gt;/Admin/AlarmExtent          number of alarms standing
 * &lt;root&gt;/&lt;station&gt;/Admin/Alarm                JSON array of {ID, Value, Message, Category, DateTime}
 * &lt;root&gt;/&lt;station&gt;/Tracemark/Yield            verified ÷ judged × 100
 * &lt;root&gt;/&lt;station&gt;/Tracemark/CodesHeld        codes the line holds unused (as the site sees it)
 * &lt;root&gt;/site/Tracemark/OutboxEvents          events waiting for the platform
 * &lt;root&gt;/site/Tracemark/OutboxOldestSeconds
 * </pre>
 * State, alarms and the counts (those of the job on the line) are the panel's (site.yaml
 * {@code stations[].panel}); without a panel the counts are all the line's units the site holds events
 * of, and the state is 0 (Undefined).
 */
public final class MqttPublisher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MqttPublisher.class);
    /** PackML state numbers, ISA-TR88.00.02-2015 (OMAC PackTags Status.StateCurrent). */
    private static final Map<String, Integer> PACKML = Map.ofEntries(Map.entry("CLEARING", 1), Map.entry("STOPPED", 2),
            Map.entry("STARTING", 3), Map.entry("IDLE", 4), Map.entry("SUSPENDED", 5), Map.entry("EXECUTE", 6),
            Map.entry("STOPPING", 7), Map.entry("ABORTING", 8), Map.entry("ABORTED", 9), Map.entry("HOLDING", 10),
            Map.entry("HELD", 11), Map.entry("UNHOLDING", 12), Map.entry("SUSPENDING", 13), Map.entry("UNSUSPENDING", 14),
            Map.entry("RESETTING", 15), Map.entry("COMPLETING", 16), Map.entry("COMPLETE", 17));

    private final SiteConfig.Mqtt settings;
    private final SiteStatus status;
    private final MqttClient client;
    private final ScheduledExecutorService timer;

    MqttPublisher(SiteConfig.Mqtt settings, String siteId, SiteStatus status) {
        this.settings = settings;
        this.status = status;
        try {
            this.client = new MqttClient(settings.broker().toString(), "tracemark-" + siteId + "-" + ProcessHandle.current().pid(),
                    new MemoryPersistence());
        } catch (MqttException e) {
            throw new io.tracemark.core.TracemarkException("MQTT broker " + settings.broker() + ": " + e.getMessage(), e);
        }
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "site-mqtt");
            t.setDaemon(true);
            return t;
        });
    }

    void start() {
        timer.scheduleWithFixedDelay(this::publishSafely, 0, settings.intervalSeconds(), TimeUnit.SECONDS);
    }

    private void publishSafely() {
        try {
            if (!client.isConnected()) {
                MqttConnectOptions options = new MqttConnectOptions();
                options.setCleanSession(true);
                options.setConnectionTimeout(5);
                client.connect(options);
                LOG.info("MQTT: connected to {}, topics under {}", settings.broker(), settings.topicRoot());
            }
            publish(status.now());
        } catch (MqttException | RuntimeException e) {
            LOG.warn("MQTT broker {}: {} (again in {} s)", settings.broker(), e.getMessage(), settings.intervalSeconds());
        }
    }

    /** Publishes one snapshot of the site. */
    void publish(SiteStatus.Site site) throws MqttException {
        for (SiteStatus.Line line : site.lines()) {
            String root = settings.topicRoot() + "/" + line.stationId();
            String state = line.state() == null ? "UNDEFINED" : line.state().toUpperCase(Locale.ROOT);
            put(root + "/Status/StateCurrent", Integer.toString(PACKML.getOrDefault(state, 0)));
            put(root + "/Status/StateCurrentName", state);
            put(root + "/Status/CurMachSpeed", number(line.unitsPerMinute()));
            boolean fromPanel = line.jobVerified() != null;
            long verified = fromPanel ? line.jobVerified() : line.verified();
            long rejected = fromPanel ? line.jobRejected() : line.rejected();
            put(root + "/Admin/ProdProcessedCount", Long.toString(verified + rejected));
            put(root + "/Admin/ProdDefectiveCount", Long.toString(rejected));
            put(root + "/Admin/AlarmExtent", Integer.toString(line.alarms().size()));
            put(root + "/Admin/Alarm", alarms(line.alarms()));
            put(root + "/Tracemark/Yield", line.yieldPercent() == null ? "" : number(line.yieldPercent()));
            put(root + "/Tracemark/CodesHeld", Long.toString(line.codesHeld()));
        }
        put(settings.topicRoot() + "/site/Tracemark/OutboxEvents", Long.toString(site.outbox().events()));
        put(settings.topicRoot() + "/site/Tracemark/OutboxOldestSeconds", number(site.outbox().oldestSeconds()));
    }

    private static String alarms(List<LinePanels.LineAlarm> alarms) {
        List<Map<String, Object>> tags = alarms.stream().map(a -> {
            Map<String, Object> tag = new LinkedHashMap<>();
            tag.put("ID", a.id());
            tag.put("Value", 1);
            tag.put("Message", a.cause() + (a.detail() == null ? "" : ": " + a.detail()));
            tag.put("Category", a.severity());
            tag.put("DateTime", a.raisedAt() == null ? null : a.raisedAt().toString());
            return tag;
        }).toList();
        return SiteMasterData.json(tags);
    }

    private static String number(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private void put(String topic, String payload) throws MqttException {
        MqttMessage m = new MqttMessage(payload.getBytes(StandardCharsets.UTF_8));
        m.setQos(1);
        m.setRetained(true);
        client.publish(topic, m);
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            if (client.isConnected()) {
                client.disconnect(2000);
            }
            client.close();
        } catch (MqttException e) {
            LOG.warn("MQTT broker {}: closing: {}", settings.broker(), e.getMessage());
        }
    }
}

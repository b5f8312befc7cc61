package io.tracemark.site;

import com.fasterxml.jackson.databind.JsonNode;
import io.tracemark.platform.PlatformJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads each line's state from its station's touch panel ({@code GET /api/v1/status} with an API token
 * of the operator role): the PackML state, the job's counters, the alarms and the last good backup. Stations without a panel
 * in site.yaml are known only by their events. The last reading of each is kept in memory (it is
 * only shown and published, never stored).
 */
public final class LinePanels {

    /** An alarm as the station shows it. */
    public record LineAlarm(long id, String severity, String cause, String detail, Instant raisedAt) {
    }

    /**
     * One reading: {@code state} null when the panel could not be read ({@code error} says why).
     *
     * @param sent     labels sent in the job on the line
     * @param verified units verified in it
     * @param rejected units rejected in it
     * @param lastBackupAt the station's last good backup (its status' {@code backup.lastGood}), or null
     * @param backupError  why a backup folder's last backup failed, or null
     */
    public record Reading(String state, long sent, long verified, long rejected, double unitsPerMinute,
                          List<LineAlarm> alarms, Instant readAt, String error, Instant lastBackupAt,
                          String backupError) {
    }

    private final Map<String, SiteConfig.StationEntry> panels = new ConcurrentHashMap<>();
    private final Map<String, Reading> readings = new ConcurrentHashMap<>();
    private final int timeoutMillis;

    public LinePanels(List<SiteConfig.StationEntry> stations, int timeoutMillis) {
        for (SiteConfig.StationEntry s : stations) {
            if (s.panelUrl() != null) {
                panels.put(s.id(), s);
            }
        }
        this.timeoutMillis = timeoutMillis;
    }

    /** Reads every panel now (one after the other; a silent panel costs at most the timeout). */
    public void readAll() {
        for (SiteConfig.StationEntry s : panels.values()) {
            readings.put(s.id(), read(s));
        }
    }

    /** The last reading of a station's panel, or null when it has none configured or was not read yet. */
    public Reading reading(String stationId) {
        return readings.get(stationId);
    }

    /** The panel's URL of a station (for the site page's drill-down), or null. */
    public URI panelUrl(String stationId) {
        SiteConfig.StationEntry s = panels.get(stationId);
        return s == null ? null : s.panelUrl();
    }

    private Reading read(SiteConfig.StationEntry s) {
        String root = s.panelUrl().toString().replaceAll("/+$", "");
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(root + "/api/v1/status").toURL().openConnection(Proxy.NO_PROXY);
            c.setConnectTimeout(timeoutMillis);
            c.setReadTimeout(timeoutMillis);
            c.setRequestProperty("Authorization", "Bearer " + s.panelToken());
            c.setRequestProperty("Accept", "application/json");
            int status = c.getResponseCode();
            try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
                byte[] body = in == null ? new byte[0] : in.readAllBytes();
                if (status != 200) {
                    return failed("panel " + root + " answered HTTP " + status);
                }
                return parse(PlatformJson.mapper().readTree(body));
            }
        } catch (IOException | RuntimeException e) {
            return failed("panel " + root + ": " + e.getMessage());
        }
    }

    private static Reading parse(JsonNode doc) {
        JsonNode counters = doc.path("counters");
        List<LineAlarm> alarms = new ArrayList<>();
        for (JsonNode a : doc.path("alarms")) {
            String raised = a.path("raisedAt").isTextual() ? a.path("raisedAt").asText() : null;
            alarms.add(new LineAlarm(a.path("id").asLong(), a.path("severity").asText(), a.path("cause").asText(),
                    a.path("detail").asText(null), raised == null ? null : Instant.parse(raised)));
        }
        JsonNode backup = doc.path("backup");
        String lastGood = backup.path("lastGood").isTextual() ? backup.path("lastGood").asText() : null;
        String backupError = null;
        for (JsonNode folder : backup.path("folders")) {
            if (folder.path("error").isTextual() && backupError == null) {
                backupError = folder.path("error").asText();
            }
        }
        return new Reading(doc.path("state").asText(null), counters.path("sent").asLong(), counters.path("verified").asLong(),
                counters.path("rejected").asLong(), counters.path("unitsPerMinute").asDouble(), alarms, Instant.now(), null,
                lastGood == null ? null : Instant.parse(lastGood), backupError);
    }

    private static Reading failed(String why) {
        return new Reading(null, 0, 0, 0, 0, List.of(), Instant.now(), why, null, null);
    }
}

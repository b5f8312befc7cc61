package io.tracemark.site;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the site knows of its lines, from its database: per station the units it reported (verified,
 * rejected, voided), its rate over the last minute, its yield, the codes it holds unused, when it was
 * last seen; and the site's pool and outbox.
 */
public final class SiteStatus {

    /**
     * One line as the site sees it: from its events, and (with a panel in site.yaml) its PackML state,
     * the job's counters and its alarms as its panel shows them ({@code state} null without).
     */
    public record Line(String stationId, String name, Instant lastSeenAt, long verified, long rejected, long voided,
                       double unitsPerMinute, Double yieldPercent, long codesHeld, Instant lastEventAt,
                       String state, List<LinePanels.LineAlarm> alarms, String panelUrl, String panelError,
                       Long jobVerified, Long jobRejected, Instant lastBackupAt, String backupError) {
    }

    /** The whole site. */
    public record Site(List<Line> lines, Map<String, Long> poolAvailable, EventForwarder.Lag outbox) {
    }

    private final SiteDatabase db;
    private final StationRegistry stations;
    private final CodePool pool;
    private final EventForwarder forwarder;
    private final LinePanels panels;
    private final Rates rates = new Rates();

    SiteStatus(SiteDatabase db, StationRegistry stations, CodePool pool, EventForwarder forwarder, LinePanels panels) {
        this.panels = panels;
        this.db = db;
        this.stations = stations;
        this.pool = pool;
        this.forwarder = forwarder;
    }

    public Site now() {
        record Counts(long verified, long rejected, long voided, long lastMinute, Instant last) {
        }
        Map<String, Counts> counts = db.read(c -> {
            Map<String, Counts> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT station_id, coalesce(sum(events) FILTER (WHERE type ="
                    + " 'VERIFIED'), 0), coalesce(sum(events) FILTER (WHERE type = 'REJECTED'), 0), coalesce(sum(events)"
                    + " FILTER (WHERE type = 'VOIDED'), 0), max(last_event_at) FROM line_counts GROUP BY station_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp last = rs.getTimestamp(5);
                    out.put(rs.getString(1), new Counts(rs.getLong(2), rs.getLong(3), rs.getLong(4), 0,
                            last == null ? null : last.toInstant()));
                }
            }
            return out;
        });
        Map<String, Long> held = pool.heldUnused();
        List<Line> lines = new ArrayList<>();
        for (StationRegistry.Station s : stations.list()) {
            Counts n = counts.getOrDefault(s.id(), new Counts(0, 0, 0, 0, null));
            long judged = n.verified() + n.rejected();
            LinePanels.Reading panel = panels.reading(s.id());
            java.net.URI panelUrl = panels.panelUrl(s.id());
            lines.add(new Line(s.id(), s.name(), s.lastSeenAt(), n.verified(), n.rejected(), n.voided(),
                    rates.perMinute(s.id(), n.verified() + n.rejected()),
                    judged == 0 ? null : 100.0 * n.verified() / judged, held.getOrDefault(s.id(), 0L), n.last(),
                    panel == null ? null : panel.state(), panel == null ? List.of() : panel.alarms(),
                    panelUrl == null ? null : panelUrl.toString(), panel == null ? null : panel.error(),
                    panel == null || panel.state() == null ? null : panel.verified(),
                    panel == null || panel.state() == null ? null : panel.rejected(),
                    panel == null ? null : panel.lastBackupAt(), panel == null ? null : panel.backupError()));
        }
        return new Site(lines, pool.available(), forwarder.lag());
    }

    /**
     * Units judged per minute per line, from the counts this process saw over the last minute (the
     * first reading of a process has no rate yet).
     */
    private static final class Rates {
        private final Map<String, java.util.ArrayDeque<long[]>> samples = new HashMap<>();

        synchronized double perMinute(String station, long judged) {
            long now = System.currentTimeMillis();
            java.util.ArrayDeque<long[]> q = samples.computeIfAbsent(station, k -> new java.util.ArrayDeque<>());
            q.addLast(new long[] {now, judged});
            while (q.size() > 2 && q.peekFirst()[0] < now - 60_000) {
                q.removeFirst();
            }
            long[] first = q.peekFirst();
            double minutes = (now - first[0]) / 60_000.0;
            return minutes <= 0 ? 0 : (judged - first[1]) / minutes;
        }
    }
}

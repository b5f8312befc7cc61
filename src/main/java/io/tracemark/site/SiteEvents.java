package io.tracemark.site;

import io.tracemark.platform.reference.ApiException;
import io.tracemark.platform.reference.EventIntake;
import io.tracemark.platform.wire.DailyQuantity;
import io.tracemark.platform.wire.EventBatch;
import io.tracemark.platform.wire.EventBatchResult;
import io.tracemark.platform.wire.FieldProblem;
import io.tracemark.platform.wire.UnitEvent;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The stations' unit events and daily quantities as the site takes them: each event under its
 * idempotency key once (a repeated key with the same event is a duplicate, with another event a
 * 409 and nothing of the batch stored, as at the platform), durable in PostgreSQL before the reply,
 * and at the same time in the site's outbox to the platform ({@code event_outbox}).
 */
public final class SiteEvents {

    /** The detail that carries the unit's batch (the station's job batch). */
    static final String BATCH = "batch";

    private final SiteDatabase db;

    public SiteEvents(SiteDatabase db) {
        this.db = db;
    }

    /** Takes a batch in one transaction. */
    public EventBatchResult accept(String stationId, EventBatch batch) {
        if (batch.events().size() > EventBatch.MAX_EVENTS) {
            throw ApiException.badRequest("events", batch.events().size() + " events exceed " + EventBatch.MAX_EVENTS);
        }
        List<FieldProblem> malformed = EventIntake.malformed(batch.events());
        if (!malformed.isEmpty()) {
            throw ApiException.badRequest("event batch refused, nothing stored: " + malformed.size()
                    + " events lack a key or a required field", malformed);
        }
        Map<String, UnitEvent> unique = new LinkedHashMap<>();
        for (UnitEvent e : batch.events()) {
            unique.putIfAbsent(e.idempotencyKey(), e);
        }
        int repeatedInBatch = batch.events().size() - unique.size();
        return db.inTransaction(c -> {
            List<UnitEvent> events = new ArrayList<>(unique.values());
            List<String> inserted = store(c, stationId, events);
            List<String> held = new ArrayList<>(unique.keySet());
            held.removeAll(new java.util.HashSet<>(inserted));
            if (!held.isEmpty()) {
                for (UnitEvent stored : stored(c, held)) {
                    if (!sameEvent(stored, unique.get(stored.idempotencyKey()))) {
                        throw EventIntake.reusedKey(stored.idempotencyKey());
                    }
                }
            }
            return new EventBatchResult(inserted.size(), held.size() + repeatedInBatch, List.of());
        });
    }

    /**
     * Stores the events not held yet (in the outbox too, counted per line, cases learnt from their
     * AGGREGATED events); returns the keys stored now. Also for the site's own events (shipments).
     */
    static List<String> store(Connection c, String stationId, List<UnitEvent> events) throws SQLException {
        Map<String, Long> inserted = insert(c, stationId, events);
        count(c, stationId, events, inserted.keySet());
        SiteCases.learn(c, stationId, events, inserted);
        return new ArrayList<>(inserted.keySet());
    }

    /** Inserts the events not held yet, each into the outbox too; returns the keys inserted with their seq. */
    private static Map<String, Long> insert(Connection c, String stationId, List<UnitEvent> events) throws SQLException {
        int n = events.size();
        String[] keys = new String[n];
        String[] codes = new String[n];
        String[] products = new String[n];
        String[] types = new String[n];
        Timestamp[] times = new Timestamp[n];
        String[] jobs = new String[n];
        String[] reasons = new String[n];
        String[] parents = new String[n];
        String[] details = new String[n];
        String[] batches = new String[n];
        for (int i = 0; i < n; i++) {
            UnitEvent e = events.get(i);
            keys[i] = e.idempotencyKey();
            codes[i] = e.code();
            products[i] = e.productId();
            types[i] = e.type().name();
            times[i] = Timestamp.from(e.occurredAt());
            jobs[i] = e.jobId();
            reasons[i] = e.reason();
            parents[i] = e.parentCode();
            details[i] = e.details().isEmpty() ? null : SiteMasterData.json(new java.util.TreeMap<>(e.details()));
            batches[i] = e.details().get(BATCH);
        }
        Map<String, Long> inserted = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("WITH ins AS (INSERT INTO unit_events(idempotency_key, station_id,"
                + " code, product_id, type, occurred_at, job_id, reason, parent_code, details, batch) SELECT k, ?, code, p, t,"
                + " o, j, r, pc, d, b FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[],"
                + " ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS u(k, code, p, t, o, j, r, pc, d, b, n)"
                + " ORDER BY n ON CONFLICT (idempotency_key) DO NOTHING RETURNING seq, idempotency_key),"
                + " outbox AS (INSERT INTO event_outbox(seq) SELECT seq FROM ins)"
                + " SELECT idempotency_key, seq FROM ins")) {
            ps.setString(1, stationId);
            ps.setArray(2, c.createArrayOf("text", keys));
            ps.setArray(3, c.createArrayOf("text", codes));
            ps.setArray(4, c.createArrayOf("text", products));
            ps.setArray(5, c.createArrayOf("text", types));
            ps.setArray(6, c.createArrayOf("timestamptz", times));
            ps.setArray(7, c.createArrayOf("text", jobs));
            ps.setArray(8, c.createArrayOf("text", reasons));
            ps.setArray(9, c.createArrayOf("text", parents));
            ps.setArray(10, c.createArrayOf("text", details));
            ps.setArray(11, c.createArrayOf("text", batches));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return inserted;
    }

    /** Adds the events stored now to the station's counts. */
    private static void count(Connection c, String stationId, List<UnitEvent> events, java.util.Set<String> inserted)
            throws SQLException {
        Map<String, long[]> byType = new java.util.TreeMap<>();
        Map<String, java.time.Instant> last = new HashMap<>();
        for (UnitEvent e : events) {
            if (inserted.contains(e.idempotencyKey())) {
                byType.computeIfAbsent(e.type().name(), t -> new long[1])[0]++;
                last.merge(e.type().name(), e.occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
            }
        }
        if (byType.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO line_counts(station_id, type, events, last_event_at)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (station_id, type) DO UPDATE SET events = line_counts.events"
                + " + excluded.events, last_event_at = greatest(line_counts.last_event_at, excluded.last_event_at)")) {
            for (Map.Entry<String, long[]> e : byType.entrySet()) {
                ps.setString(1, stationId);
                ps.setString(2, e.getKey());
                ps.setLong(3, e.getValue()[0]);
                ps.setTimestamp(4, Timestamp.from(last.get(e.getKey())));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The events stored under these keys. */
    private static List<UnitEvent> stored(Connection c, List<String> keys) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM unit_events WHERE idempotency_key = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                return events(rs);
            }
        }
    }

    /** The columns {@link #events(ResultSet)} reads, in its order. */
    static final String COLUMNS = "idempotency_key, code, product_id, type, occurred_at, job_id, reason, parent_code, details";

    /** Unit events from rows of {@link #COLUMNS}, as the station sent them. */
    static List<UnitEvent> events(ResultSet rs) throws SQLException {
        List<UnitEvent> out = new ArrayList<>();
        while (rs.next()) {
            String details = rs.getString(9);
            @SuppressWarnings("unchecked")
            Map<String, String> map = details == null ? Map.of() : SiteMasterData.parse(details, Map.class);
            out.add(new UnitEvent(rs.getString(1), rs.getString(2), rs.getString(3),
                    io.tracemark.platform.wire.UnitEventType.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant(),
                    rs.getString(6), rs.getString(7), rs.getString(8), map));
        }
        return out;
    }

    /** A re-sent event is the one held: every field equal (times to the microsecond PostgreSQL keeps). */
    private static boolean sameEvent(UnitEvent held, UnitEvent sent) {
        return held.equals(new UnitEvent(sent.idempotencyKey(), sent.code(), sent.productId(), sent.type(),
                sent.occurredAt().truncatedTo(java.time.temporal.ChronoUnit.MICROS), sent.jobId(), sent.reason(),
                sent.parentCode(), sent.details()));
    }

    /** A station's daily quantity: replaces its earlier report for the product, day and source, and is forwarded. */
    public DailyQuantity daily(String stationId, DailyQuantity q) {
        List<FieldProblem> problems = new ArrayList<>();
        if (q.productId() == null || q.productId().isBlank()) {
            problems.add(new FieldProblem("productId", "required"));
        }
        if (q.day() == null) {
            problems.add(new FieldProblem("day", "required (YYYY-MM-DD)"));
        }
        if (q.quantity() < 0) {
            problems.add(new FieldProblem("quantity", q.quantity() + " is negative"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("daily quantity refused", problems);
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO daily_quantities(product_id, day, source, quantity,"
                    + " exact, station_id) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (product_id, day, source) DO UPDATE SET"
                    + " quantity = excluded.quantity, exact = excluded.exact, station_id = excluded.station_id,"
                    + " updated_at = now(), forwarded_at = NULL")) {
                ps.setString(1, q.productId());
                ps.setObject(2, q.day());
                ps.setString(3, q.source() == null ? "" : q.source());
                ps.setLong(4, q.quantity());
                ps.setBoolean(5, q.exact());
                ps.setString(6, stationId);
                return ps.executeUpdate();
            }
        });
        return q;
    }
}

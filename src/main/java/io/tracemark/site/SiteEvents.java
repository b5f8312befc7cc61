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
 * and at the same time in the site's outbox to the platform ({@code unit_events.forwarded_at} null).
 */
public final class SiteEvents {

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
            List<String> keys = new ArrayList<>(unique.keySet());
            List<String> bodies = new ArrayList<>(keys.size());
            Map<String, String> bodyOf = new HashMap<>();
            for (UnitEvent e : unique.values()) {
                String body = SiteMasterData.json(e);
                bodies.add(body);
                bodyOf.put(e.idempotencyKey(), body);
            }
            List<String> inserted = insert(c, stationId, new ArrayList<>(unique.values()), bodies);
            List<String> held = new ArrayList<>(keys);
            held.removeAll(new java.util.HashSet<>(inserted));
            if (!held.isEmpty()) {
                for (Map.Entry<String, String> e : bodies(c, held).entrySet()) {
                    if (!sameEvent(e.getValue(), bodyOf.get(e.getKey()))) {
                        throw EventIntake.reusedKey(e.getKey());
                    }
                }
            }
            return new EventBatchResult(inserted.size(), held.size() + repeatedInBatch, List.of());
        });
    }

    private static List<String> insert(Connection c, String stationId, List<UnitEvent> events, List<String> bodies)
            throws SQLException {
        int n = events.size();
        String[] keys = new String[n];
        String[] codes = new String[n];
        String[] products = new String[n];
        String[] types = new String[n];
        Timestamp[] times = new Timestamp[n];
        String[] jobs = new String[n];
        for (int i = 0; i < n; i++) {
            UnitEvent e = events.get(i);
            keys[i] = e.idempotencyKey();
            codes[i] = e.code();
            products[i] = e.productId();
            types[i] = e.type().name();
            times[i] = Timestamp.from(e.occurredAt());
            jobs[i] = e.jobId();
        }
        List<String> inserted = new ArrayList<>(n);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO unit_events(idempotency_key, station_id, code,"
                + " product_id, type, occurred_at, job_id, body) SELECT k, ?, code, p, t, o, j, b FROM"
                + " unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::timestamptz[], ?::text[], ?::text[])"
                + " WITH ORDINALITY AS u(k, code, p, t, o, j, b, n) ORDER BY n"
                + " ON CONFLICT (idempotency_key) DO NOTHING RETURNING idempotency_key")) {
            ps.setString(1, stationId);
            ps.setArray(2, c.createArrayOf("text", keys));
            ps.setArray(3, c.createArrayOf("text", codes));
            ps.setArray(4, c.createArrayOf("text", products));
            ps.setArray(5, c.createArrayOf("text", types));
            ps.setArray(6, c.createArrayOf("timestamptz", times));
            ps.setArray(7, c.createArrayOf("text", jobs));
            ps.setArray(8, c.createArrayOf("text", bodies.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    inserted.add(rs.getString(1));
                }
            }
        }
        return inserted;
    }

    private static Map<String, String> bodies(Connection c, List<String> keys) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT idempotency_key, body FROM unit_events"
                + " WHERE idempotency_key = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", keys.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return out;
    }

    private static boolean sameEvent(String held, String sent) {
        return Objects.equals(held, sent) || Objects.equals(SiteMasterData.parse(held, UnitEvent.class),
                SiteMasterData.parse(sent, UnitEvent.class));
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

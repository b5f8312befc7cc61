package io.tracemark.platform.reference;

import io.tracemark.core.TraceLevel;
import io.tracemark.platform.wire.CodeStatus;
import io.tracemark.platform.wire.DailyQuantity;
import io.tracemark.platform.wire.EventBatch;
import io.tracemark.platform.wire.EventBatchResult;
import io.tracemark.platform.wire.FieldProblem;
import io.tracemark.platform.wire.UnitEvent;
import io.tracemark.platform.wire.UnitEventType;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Takes unit events exactly once per idempotency key, daily quantities (last report per product and
 * day wins), and answers what is known of a code.
 */
final class EventIntake {

    private final PlatformDatabase db;
    private final Clock clock;
    /** Trace level per product JSON (a product edited gets a new entry): parsing it per event is slow. */
    private final java.util.Map<String, TraceLevel> levels = new java.util.concurrent.ConcurrentHashMap<>();

    EventIntake(PlatformDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    EventBatchResult accept(String producerId, EventBatch batch) {
        if (batch.events().size() > EventBatch.MAX_EVENTS) {
            throw ApiException.badRequest("events", batch.events().size() + " events exceed " + EventBatch.MAX_EVENTS);
        }
        return db.inTransaction(c -> {
            int accepted = 0;
            int duplicates = 0;
            List<FieldProblem> refused = new ArrayList<>();
            String now = clock.instant().toString();
            for (int i = 0; i < batch.events().size(); i++) {
                UnitEvent e = batch.events().get(i);
                String key = e == null || e.idempotencyKey() == null ? "events[" + i + "]" : e.idempotencyKey();
                String why = e == null ? "null event" : problem(c, producerId, e);
                if (why != null) {
                    refused.add(new FieldProblem(key, why));
                } else if (Rows.update(c, "INSERT OR IGNORE INTO events(idempotency_key, code, product_id, type,"
                        + " occurred_at, received_at, json) VALUES(?, ?, ?, ?, ?, ?, ?)", key, e.code(), e.productId(),
                        e.type().name(), e.occurredAt().toString(), now, Rows.json(e)) == 1) {
                    accepted++;
                } else {
                    duplicates++;
                }
            }
            return new EventBatchResult(accepted, duplicates, refused);
        });
    }

    /** Why an event cannot be taken, or null. Duplicates are not a problem: they are counted. */
    private String problem(Connection c, String producerId, UnitEvent e) throws SQLException {
        if (e.idempotencyKey() == null || e.idempotencyKey().isBlank()) {
            return "idempotencyKey is required";
        }
        if (e.code() == null || e.type() == null || e.occurredAt() == null) {
            return "code, type and occurredAt are required";
        }
        try (var ps = c.prepareStatement("SELECT k.product_id, p.producer_id, k.returned, p.json FROM codes k"
                + " JOIN products p ON p.id = k.product_id WHERE k.code = ?")) {
            ps.setString(1, e.code());
            try (var rs = ps.executeQuery()) {
                if (!rs.next() || !rs.getString(2).equals(producerId)) {
                    return "code " + e.code() + " was not issued to this producer";
                }
                if (e.productId() != null && !e.productId().equals(rs.getString(1))) {
                    return "code " + e.code() + " belongs to product " + rs.getString(1) + ", not " + e.productId();
                }
                if (rs.getInt(3) == 1) {
                    return "code " + e.code() + " was returned unused";
                }
                String json = rs.getString(4);
                TraceLevel level = levels.computeIfAbsent(json,
                        j -> Rows.parse(j, io.tracemark.platform.wire.Product.class).traceLevel());
                if (e.type() == UnitEventType.VERIFIED && level != null && !level.sharesCodeAcrossUnits()) {
                    return verifiedElsewhere(c, e);
                }
                return null;
            }
        }
    }

    /** An item-level code is verified once; a second VERIFIED under another key is a station duplicate. */
    private static String verifiedElsewhere(Connection c, UnitEvent e) throws SQLException {
        try (var ps = c.prepareStatement("SELECT idempotency_key FROM events WHERE code = ? AND type = 'VERIFIED'"
                + " AND idempotency_key <> ?")) {
            ps.setString(1, e.code());
            ps.setString(2, e.idempotencyKey());
            try (var rs = ps.executeQuery()) {
                return rs.next() ? "code " + e.code() + " already verified by event " + rs.getString(1) : null;
            }
        }
    }

    DailyQuantity daily(String producerId, DailyQuantity q, MasterData master) {
        List<FieldProblem> problems = new ArrayList<>();
        if (q.productId() == null || master.product(q.productId()).filter(p -> p.producerId().equals(producerId)).isEmpty()) {
            problems.add(new FieldProblem("productId", "no product '" + q.productId() + "' of this producer"));
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
        db.inTransaction(c -> Rows.update(c, "INSERT INTO daily_quantities(product_id, day, quantity, exact, reported_at)"
                + " VALUES(?, ?, ?, ?, ?) ON CONFLICT(product_id, day) DO UPDATE SET quantity = excluded.quantity,"
                + " exact = excluded.exact, reported_at = excluded.reported_at",
                q.productId(), q.day().toString(), q.quantity(), q.exact() ? 1 : 0, clock.instant().toString()));
        return q;
    }

    Optional<DailyQuantity> dailyQuantity(String productId, LocalDate day) {
        return db.inTransaction(c -> {
            try (var ps = c.prepareStatement("SELECT quantity, exact FROM daily_quantities WHERE product_id = ? AND day = ?")) {
                ps.setString(1, productId);
                ps.setString(2, day.toString());
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new DailyQuantity(productId, day, rs.getLong(1), rs.getInt(2) == 1))
                            : Optional.<DailyQuantity>empty();
                }
            }
        });
    }

    /** What is known of a code; {@code producerId} null for the public (any producer). */
    Optional<CodeStatus> status(String producerId, String code) {
        return db.inTransaction(c -> {
            try (var ps = c.prepareStatement("SELECT k.product_id, k.range_id, k.returned, p.producer_id,"
                    + " (SELECT count(*) FROM events e WHERE e.code = k.code),"
                    + " (SELECT type || ' ' || occurred_at FROM events e WHERE e.code = k.code"
                    + "  ORDER BY occurred_at DESC, rowid DESC LIMIT 1)"
                    + " FROM codes k JOIN products p ON p.id = k.product_id WHERE k.code = ?")) {
                ps.setString(1, code);
                try (var rs = ps.executeQuery()) {
                    if (!rs.next() || (producerId != null && !producerId.equals(rs.getString(4)))) {
                        return Optional.<CodeStatus>empty();
                    }
                    String last = rs.getString(6);
                    UnitEventType type = last == null ? null : UnitEventType.valueOf(last.substring(0, last.indexOf(' ')));
                    Instant at = last == null ? null : Instant.parse(last.substring(last.indexOf(' ') + 1));
                    return Optional.of(new CodeStatus(code, rs.getString(1), rs.getString(2), rs.getInt(3) == 1,
                            type, at, rs.getInt(5)));
                }
            }
        });
    }

    /** The code issued for a GS1 GTIN and serial, if any. */
    Optional<String> codeOf(String gtin, String serial) {
        return db.inTransaction(c -> {
            try (var ps = c.prepareStatement("SELECT code FROM codes WHERE gtin = ? AND serial = ? ORDER BY rowid LIMIT 1")) {
                ps.setString(1, gtin);
                ps.setString(2, serial);
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(rs.getString(1)) : Optional.<String>empty();
                }
            }
        });
    }

    /** Events held in total (each idempotency key once). */
    long eventCount() {
        return db.inTransaction(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT count(*) FROM events")) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}

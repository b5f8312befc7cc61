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
 * Takes unit events exactly once per idempotency key, daily quantities (the last report per
 * product, day and source counts; the day's quantity is the sum over sources), and answers what
 * is known of a code.
 */
public final class EventIntake {

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
        List<FieldProblem> malformed = malformed(batch.events());
        if (!malformed.isEmpty()) {
            throw ApiException.badRequest("event batch refused, nothing stored: " + malformed.size()
                    + " events lack a key or a required field", malformed);
        }
        return db.inTransaction(c -> {
            int accepted = 0;
            int duplicates = 0;
            List<FieldProblem> refused = new ArrayList<>();
            String now = clock.instant().toString();
            for (UnitEvent e : batch.events()) {
                String key = e.idempotencyKey();
                String held = heldPayload(c, key);
                if (held != null) {
                    if (!samePayload(held, e)) {
                        throw reusedKey(key);
                    }
                    duplicates++;
                    continue;
                }
                String why = problem(c, producerId, e);
                if (why != null) {
                    refused.add(new FieldProblem(key, why));
                } else {
                    Rows.update(c, "INSERT INTO events(idempotency_key, code, product_id, type, occurred_at,"
                            + " received_at, json) VALUES(?, ?, ?, ?, ?, ?, ?)", key, e.code(), e.productId(),
                            e.type().name(), e.occurredAt().toString(), now, Rows.json(e));
                    accepted++;
                }
            }
            return new EventBatchResult(accepted, duplicates, refused);
        });
    }

    /**
     * Events that cannot be taken exactly once at all: no key, a blank key, a required field
     * missing, or one key twice in the batch with different payloads. Each named by its position.
     */
    public static List<FieldProblem> malformed(List<UnitEvent> events) {
        List<FieldProblem> problems = new ArrayList<>();
        java.util.Map<String, UnitEvent> seen = new java.util.HashMap<>();
        for (int i = 0; i < events.size(); i++) {
            UnitEvent e = events.get(i);
            String at = "events[" + i + "]";
            if (e == null) {
                problems.add(new FieldProblem(at, "an event is required, not null"));
                continue;
            }
            if (e.idempotencyKey() == null || e.idempotencyKey().isBlank()) {
                problems.add(new FieldProblem(at + ".idempotencyKey", "required: a non-empty key, unique per event"));
            } else {
                UnitEvent earlier = seen.putIfAbsent(e.idempotencyKey(), e);
                if (earlier != null && !earlier.equals(e)) {
                    problems.add(new FieldProblem(at + ".idempotencyKey", "key '" + e.idempotencyKey()
                            + "' is used twice in this batch for different events"));
                }
            }
            if (e.code() == null || e.code().isBlank()) {
                problems.add(new FieldProblem(at + ".code", "required"));
            }
            if (e.type() == null) {
                problems.add(new FieldProblem(at + ".type", "required: one of VERIFIED, REJECTED, VOIDED, AGGREGATED, SHIPPED, RECALLED"));
            }
            if (e.occurredAt() == null) {
                problems.add(new FieldProblem(at + ".occurredAt", "required (ISO-8601 UTC time)"));
            }
        }
        return problems;
    }

    public static ApiException reusedKey(String key) {
        return new ApiException(409, "idempotency key '" + key + "' is already held for a different event;"
                + " nothing of this batch was stored", List.of(new FieldProblem(key,
                "already used for another event (other code, type, time or job): a key names exactly one event")));
    }

    /** The stored event JSON under this key, or null. */
    private static String heldPayload(Connection c, String key) throws SQLException {
        try (var ps = c.prepareStatement("SELECT json FROM events WHERE idempotency_key = ?")) {
            ps.setString(1, key);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** Whether a re-sent event is the one held: every field equal, field order and absent nulls aside. */
    private static boolean samePayload(String held, UnitEvent e) {
        return Rows.tree(held).equals(Rows.tree(Rows.json(e)));
    }

    /** Why an event cannot be taken, or null. Duplicates are not a problem: they are counted. */
    private String problem(Connection c, String producerId, UnitEvent e) throws SQLException {
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
                if (VERDICTS.contains(e.type()) && level != null && !level.sharesCodeAcrossUnits()) {
                    return earlierVerdict(c, e);
                }
                return null;
            }
        }
    }

    /** The verdicts a printed unit gets once: VERIFIED, REJECTED or VOIDED. */
    private static final java.util.Set<UnitEventType> VERDICTS =
            java.util.EnumSet.of(UnitEventType.VERIFIED, UnitEventType.REJECTED, UnitEventType.VOIDED);

    /**
     * An item-level code gets one verdict: a second VERIFIED is a station duplicate, and a verdict
     * that contradicts the earlier one (VERIFIED after REJECTED, REJECTED after VERIFIED, …) is refused.
     */
    private static String earlierVerdict(Connection c, UnitEvent e) throws SQLException {
        try (var ps = c.prepareStatement("SELECT idempotency_key, type FROM events WHERE code = ?"
                + " AND type IN ('VERIFIED', 'REJECTED', 'VOIDED') AND idempotency_key <> ? ORDER BY rowid LIMIT 1")) {
            ps.setString(1, e.code());
            ps.setString(2, e.idempotencyKey());
            try (var rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                String earlier = rs.getString(2);
                return earlier.equals(e.type().name())
                        ? "code " + e.code() + " already " + earlier + " by event " + rs.getString(1)
                        : "code " + e.code() + " is " + e.type() + " here but already " + earlier + " by event "
                        + rs.getString(1) + ": a unit has one verdict";
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
        db.inTransaction(c -> Rows.update(c, "INSERT INTO daily_quantity_reports(product_id, day, source, quantity,"
                + " exact, reported_at) VALUES(?, ?, ?, ?, ?, ?) ON CONFLICT(product_id, day, source) DO UPDATE SET"
                + " quantity = excluded.quantity, exact = excluded.exact, reported_at = excluded.reported_at",
                q.productId(), q.day().toString(), q.source() == null ? "" : q.source(), q.quantity(), q.exact() ? 1 : 0,
                clock.instant().toString()));
        return q;
    }

    Optional<DailyQuantity> dailyQuantity(String productId, LocalDate day) {
        return db.inTransaction(c -> {
            try (var ps = c.prepareStatement("SELECT sum(quantity), min(exact), count(*) FROM daily_quantity_reports"
                    + " WHERE product_id = ? AND day = ?")) {
                ps.setString(1, productId);
                ps.setString(2, day.toString());
                try (var rs = ps.executeQuery()) {
                    return rs.next() && rs.getInt(3) > 0
                            ? Optional.of(new DailyQuantity(productId, day, rs.getLong(1), rs.getInt(2) == 1))
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

    /** The unit event that reported a code produced (its first VERIFIED), if any. */
    Optional<UnitEvent> production(String code) {
        return db.inTransaction(c -> Rows.list(c, UnitEvent.class, "SELECT json FROM events WHERE code = ?"
                + " AND type = 'VERIFIED' ORDER BY occurred_at, rowid LIMIT 1", code)).stream().findFirst();
    }

    /** The first RECALLED event a station reported for a code (the producer's recall of that unit), if any. */
    Optional<UnitEvent> stationRecall(String code) {
        return db.inTransaction(c -> Rows.list(c, UnitEvent.class, "SELECT json FROM events WHERE code = ?"
                + " AND type = 'RECALLED' ORDER BY occurred_at, rowid LIMIT 1", code)).stream().findFirst();
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

package io.tracemark.platform.reference;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tracemark.platform.wire.ChainAnchor;
import io.tracemark.platform.wire.ChainAnchorBatch;
import io.tracemark.platform.wire.ChainAnchorResult;
import io.tracemark.platform.wire.EventBatch;
import io.tracemark.platform.wire.FieldProblem;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Keeps the heads of the stations' audit chains ({@code POST/GET /audit-anchors}): once per
 * idempotency key; another hash under a key already held is refused whole, since it means the
 * station's chain was rewritten. Station routes: behind the station token of {@link StationRoutes}.
 */
final class AuditAnchors {

    private static final Pattern HASH = Pattern.compile("[0-9a-f]{64}");

    private final PlatformDatabase db;

    AuditAnchors(PlatformDatabase db) {
        this.db = db;
        db.inTransaction(c -> {
            try (var st = c.createStatement()) {
                st.execute("CREATE TABLE IF NOT EXISTS audit_anchors(idempotency_key TEXT PRIMARY KEY,"
                        + " producer_id TEXT NOT NULL, station TEXT NOT NULL, entry_id INTEGER NOT NULL,"
                        + " hash TEXT NOT NULL, key_id TEXT NOT NULL, at TEXT NOT NULL)");
                st.execute("CREATE INDEX IF NOT EXISTS audit_anchors_station ON audit_anchors(producer_id, station, entry_id)");
            }
            return null;
        });
    }

    void register(Javalin app) {
        app.post(StationRoutes.BASE + "/audit-anchors", ctx -> ctx.json(accept(producer(ctx),
                JsonBody.read(ctx, ChainAnchorBatch.class))));
        app.get(StationRoutes.BASE + "/audit-anchors", ctx -> ctx.json(anchors(producer(ctx), ctx.queryParam("station"))));
    }

    private static String producer(Context ctx) {
        return ctx.attribute("producerId");
    }

    ChainAnchorResult accept(String producerId, ChainAnchorBatch batch) {
        if (batch.anchors().size() > EventBatch.MAX_EVENTS) {
            throw ApiException.badRequest("anchors", batch.anchors().size() + " anchors exceed " + EventBatch.MAX_EVENTS);
        }
        List<FieldProblem> malformed = new ArrayList<>();
        for (int i = 0; i < batch.anchors().size(); i++) {
            ChainAnchor a = batch.anchors().get(i);
            if (a == null || a.idempotencyKey() == null || a.idempotencyKey().isEmpty() || a.station() == null
                    || a.entryId() < 1 || a.hash() == null || !HASH.matcher(a.hash()).matches() || a.keyId() == null
                    || a.keyId().isEmpty() || a.at() == null) {
                malformed.add(new FieldProblem("anchors[" + i + "]",
                        "needs idempotencyKey, station, entryId >= 1, hash (64 hex digits), keyId and at"));
            }
        }
        if (!malformed.isEmpty()) {
            throw ApiException.badRequest("anchor batch refused, nothing stored", malformed);
        }
        return db.inTransaction(c -> {
            int accepted = 0;
            int duplicates = 0;
            for (ChainAnchor a : batch.anchors()) {
                String held = heldHash(c, a.idempotencyKey());
                if (held == null) {
                    insert(c, producerId, a);
                    accepted++;
                } else if (held.equals(a.hash())) {
                    duplicates++;
                } else {
                    throw new ApiException(409, "audit anchor '" + a.idempotencyKey() + "' is held with another hash:"
                            + " the station's audit chain was rewritten; nothing of this batch was stored",
                            List.of(new FieldProblem(a.idempotencyKey(), "held with hash " + held)));
                }
            }
            return new ChainAnchorResult(accepted, duplicates);
        });
    }

    List<ChainAnchor> anchors(String producerId, String station) {
        return db.inTransaction(c -> {
            List<ChainAnchor> out = new ArrayList<>();
            try (var ps = c.prepareStatement("SELECT idempotency_key, station, entry_id, hash, key_id, at FROM audit_anchors"
                    + " WHERE producer_id = ? AND (? IS NULL OR station = ?) ORDER BY station, entry_id")) {
                ps.setString(1, producerId);
                ps.setString(2, station);
                ps.setString(3, station);
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new ChainAnchor(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                                rs.getString(5), Instant.parse(rs.getString(6))));
                    }
                }
            }
            return out;
        });
    }

    private static String heldHash(Connection c, String key) throws SQLException {
        try (var ps = c.prepareStatement("SELECT hash FROM audit_anchors WHERE idempotency_key = ?")) {
            ps.setString(1, key);
            try (var rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void insert(Connection c, String producerId, ChainAnchor a) throws SQLException {
        try (var ps = c.prepareStatement("INSERT INTO audit_anchors(idempotency_key, producer_id, station, entry_id, hash,"
                + " key_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, a.idempotencyKey());
            ps.setString(2, producerId);
            ps.setString(3, a.station());
            ps.setLong(4, a.entryId());
            ps.setString(5, a.hash());
            ps.setString(6, a.keyId());
            ps.setString(7, a.at().toString());
            ps.executeUpdate();
        }
    }
}

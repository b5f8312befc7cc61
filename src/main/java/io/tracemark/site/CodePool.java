package io.tracemark.site;

import io.tracemark.platform.reference.ApiException;
import io.tracemark.platform.wire.CodeRange;
import io.tracemark.platform.wire.CodeRequest;
import io.tracemark.platform.wire.CodeRequestStatus;
import io.tracemark.platform.wire.CodeReturn;
import io.tracemark.platform.wire.FieldProblem;
import io.tracemark.platform.wire.NewCodeRequest;
import io.tracemark.platform.wire.RangeAck;
import io.tracemark.platform.wire.RangeStatus;
import io.tracemark.platform.wire.ReturnResult;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The site's code pool in PostgreSQL: codes pulled from the platform wait in the pool
 * ({@code pool_codes.station_range_id} null) until a station asks for codes; then a number of them
 * become one station range, held by that station alone. Codes are taken with
 * {@code FOR UPDATE SKIP LOCKED}, so two site processes on one database never hand out one code
 * twice. Unused codes a station returns go back to the pool (never to a station that held them
 * before: its ledger keeps them as RETURNED); a range a station refused stays out of the pool.
 */
public final class CodePool {

    private final SiteDatabase db;

    public CodePool(SiteDatabase db) {
        this.db = db;
    }

    /**
     * Takes a platform range whole into the pool.
     *
     * @return true when it is new, false when the site holds it already (pulled before the platform
     *         had its acknowledgement)
     * @throws ApiException 409 when one of its codes is in the pool already from another range
     */
    public boolean importRange(CodeRange range, List<String> codes) {
        try {
            return db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO platform_ranges(id, product_id, scheme, count)"
                        + " VALUES (?, ?, ?, ?) ON CONFLICT (id) DO NOTHING")) {
                    ps.setString(1, range.id());
                    ps.setString(2, range.productId());
                    ps.setString(3, range.scheme());
                    ps.setLong(4, codes.size());
                    if (ps.executeUpdate() == 0) {
                        return false;
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO pool_codes(code, product_id, scheme,"
                        + " platform_range_id) SELECT code, ?, ?, ? FROM unnest(?::text[]) WITH ORDINALITY AS t(code, n)"
                        + " ORDER BY n")) {
                    ps.setString(1, range.productId());
                    ps.setString(2, range.scheme());
                    ps.setString(3, range.id());
                    ps.setArray(4, c.createArrayOf("text", codes.toArray()));
                    ps.executeUpdate();
                }
                return true;
            });
        } catch (io.tracemark.core.StorageException e) {
            if (e.getCause() instanceof SQLException s && "23505".equals(s.getSQLState())) {
                throw new ApiException(409, "range " + range.id() + ": a code of it is in the site's pool already"
                        + " from another range", List.of(new FieldProblem("codes", s.getMessage())));
            }
            throw e;
        }
    }

    /** Codes in the pool (not handed to a station) per product. */
    public Map<String, Long> available() {
        return db.read(c -> {
            Map<String, Long> out = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT product_id, count(*) FROM pool_codes"
                    + " WHERE station_range_id IS NULL GROUP BY product_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
        });
    }

    /**
     * A station's request: a range from the pool at once (possibly fewer codes than asked: the
     * range's count says how many), or PENDING_AUDIT until the pool has codes ({@link #fillPending()}).
     */
    public CodeRequest request(String stationId, NewCodeRequest r) {
        if (r.productId() == null || r.productId().isBlank()) {
            throw ApiException.badRequest("productId", "required");
        }
        if (r.quantity() < 1 || r.quantity() > 1_000_000) {
            throw ApiException.badRequest("quantity", r.quantity() + " is not 1..1000000");
        }
        return db.inTransaction(c -> {
            String id = "SQ-" + next(c, "station_request_numbers");
            String rangeId = handOut(c, stationId, r.productId(), r.scheme(), r.quantity(), id);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO station_requests(id, station_id, product_id,"
                    + " quantity, scheme, status, range_id) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, id);
                ps.setString(2, stationId);
                ps.setString(3, r.productId());
                ps.setInt(4, r.quantity());
                ps.setString(5, r.scheme());
                ps.setString(6, rangeId == null ? CodeRequestStatus.PENDING_AUDIT.name() : CodeRequestStatus.ACTIVATED.name());
                ps.setString(7, rangeId);
                ps.executeUpdate();
            }
            return codeRequest(c, stationId, id);
        });
    }

    /** One of the station's requests. */
    public CodeRequest codeRequest(String stationId, String id) {
        return db.read(c -> codeRequest(c, stationId, id));
    }

    private static CodeRequest codeRequest(Connection c, String stationId, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT q.id, q.product_id, coalesce(r.count, q.quantity), q.scheme,"
                + " q.status, q.range_id, q.reason, q.created_at FROM station_requests q LEFT JOIN station_ranges r"
                + " ON r.id = q.range_id WHERE q.id = ? AND q.station_id = ?")) {
            ps.setString(1, id);
            ps.setString(2, stationId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound("code request " + id);
                }
                CodeRequestStatus status = CodeRequestStatus.valueOf(rs.getString(5));
                return new CodeRequest(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), status,
                        status == CodeRequestStatus.PENDING_AUDIT ? null : "site", rs.getString(7), rs.getString(6),
                        rs.getTimestamp(8).toInstant());
            }
        }
    }

    /** Codes waiting stations asked for, per product (requests PENDING_AUDIT). */
    public Map<String, Long> pendingDemand() {
        return db.read(c -> {
            Map<String, Long> out = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT product_id, sum(quantity) FROM station_requests"
                    + " WHERE status = 'PENDING_AUDIT' GROUP BY product_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
        });
    }

    /** Every product a station has asked codes for: the products whose pool the site keeps full. */
    public List<String> demandedProducts() {
        return db.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT product_id FROM station_requests ORDER BY 1");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    /** Hands out codes to waiting requests, oldest first; returns how many requests were filled. */
    public int fillPending() {
        List<String[]> waiting = db.read(c -> {
            List<String[]> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, station_id FROM station_requests"
                    + " WHERE status = 'PENDING_AUDIT' ORDER BY created_at, id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            return out;
        });
        int filled = 0;
        for (String[] w : waiting) {
            boolean done = db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT product_id, quantity, scheme FROM station_requests"
                        + " WHERE id = ? AND status = 'PENDING_AUDIT' FOR UPDATE SKIP LOCKED")) {
                    ps.setString(1, w[0]);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (!rs.next()) {
                            return false;
                        }
                        String rangeId = handOut(c, w[1], rs.getString(1), rs.getString(3), rs.getInt(2), w[0]);
                        if (rangeId == null) {
                            return false;
                        }
                        try (PreparedStatement up = c.prepareStatement("UPDATE station_requests SET status = 'ACTIVATED',"
                                + " range_id = ? WHERE id = ?")) {
                            up.setString(1, rangeId);
                            up.setString(2, w[0]);
                            up.executeUpdate();
                        }
                        return true;
                    }
                }
            });
            filled += done ? 1 : 0;
        }
        return filled;
    }

    /**
     * Makes a station range of at most {@code quantity} pool codes for the station, never codes it
     * held before; null when the pool has none for it.
     */
    private static String handOut(Connection c, String stationId, String productId, String scheme, int quantity,
                                  String requestId) throws SQLException {
        List<String> codes = new ArrayList<>();
        String rangeId = "SR-" + next(c, "station_range_numbers");
        try (PreparedStatement ps = c.prepareStatement("WITH picked AS (SELECT p.code, p.position FROM pool_codes p"
                + " WHERE p.product_id = ? AND p.station_range_id IS NULL AND (?::text IS NULL OR p.scheme = ?)"
                + " AND NOT EXISTS (SELECT 1 FROM station_range_codes rc JOIN station_ranges r ON r.id = rc.range_id"
                + " WHERE rc.code = p.code AND r.station_id = ?)"
                + " ORDER BY p.position LIMIT ? FOR UPDATE OF p SKIP LOCKED)"
                + " UPDATE pool_codes q SET station_range_id = ? FROM picked WHERE q.code = picked.code"
                + " RETURNING q.code, picked.position")) {
            ps.setString(1, productId);
            ps.setString(2, scheme);
            ps.setString(3, scheme);
            ps.setString(4, stationId);
            ps.setInt(5, quantity);
            ps.setString(6, rangeId);
            TreeMap<Long, String> byPosition = new TreeMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byPosition.put(rs.getLong(2), rs.getString(1));
                }
            }
            codes.addAll(byPosition.values());
        }
        if (codes.isEmpty()) {
            return null;
        }
        String rangeScheme;
        try (PreparedStatement ps = c.prepareStatement("SELECT scheme FROM pool_codes WHERE code = ?")) {
            ps.setString(1, codes.get(0));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                rangeScheme = rs.getString(1);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO station_ranges(id, station_id, request_id, product_id,"
                + " scheme, count, status) VALUES (?, ?, ?, ?, ?, ?, 'ACTIVATED')")) {
            ps.setString(1, rangeId);
            ps.setString(2, stationId);
            ps.setString(3, requestId);
            ps.setString(4, productId);
            ps.setString(5, rangeScheme);
            ps.setInt(6, codes.size());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO station_range_codes(range_id, position, code)"
                + " SELECT ?, n, code FROM unnest(?::text[]) WITH ORDINALITY AS t(code, n)")) {
            ps.setString(1, rangeId);
            ps.setArray(2, c.createArrayOf("text", codes.toArray()));
            ps.executeUpdate();
        }
        return rangeId;
    }

    /** The station's ranges (oldest first), optionally of one status and product, each with its codes. */
    public List<CodeRange> ranges(String stationId, RangeStatus status, String productId) {
        return db.read(c -> {
            List<String> ids = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id FROM station_ranges WHERE station_id = ?"
                    + " AND (?::text IS NULL OR status = ?) AND (?::text IS NULL OR product_id = ?)"
                    + " ORDER BY activated_at, id")) {
                ps.setString(1, stationId);
                String st = status == null ? null : status.name();
                ps.setString(2, st);
                ps.setString(3, st);
                ps.setString(4, productId);
                ps.setString(5, productId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                }
            }
            List<CodeRange> out = new ArrayList<>();
            for (String id : ids) {
                out.add(range(c, stationId, id));
            }
            return out;
        });
    }

    public CodeRange range(String stationId, String id) {
        return db.read(c -> range(c, stationId, id));
    }

    private static CodeRange range(Connection c, String stationId, String id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, product_id, request_id, scheme, count, status,"
                + " refusal_reason, activated_at FROM station_ranges WHERE id = ? AND station_id = ?")) {
            ps.setString(1, id);
            ps.setString(2, stationId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw ApiException.notFound("range " + id);
                }
                return new CodeRange(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        codes(c, id), null, RangeStatus.valueOf(rs.getString(6)), rs.getString(7),
                        rs.getTimestamp(8).toInstant());
            }
        }
    }

    private static List<String> codes(Connection c, String rangeId) throws SQLException {
        List<String> codes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT code FROM station_range_codes WHERE range_id = ? ORDER BY position")) {
            ps.setString(1, rangeId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    codes.add(rs.getString(1));
                }
            }
        }
        return codes;
    }

    /** The station accepts or refuses a range whole; repeating the same acknowledgement is harmless, changing it a 409. */
    public CodeRange acknowledge(String stationId, String id, RangeAck ack) {
        if (!ack.accepted() && (ack.reason() == null || ack.reason().isBlank())) {
            throw ApiException.badRequest("reason", "required when a range is refused");
        }
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT status FROM station_ranges WHERE id = ? AND station_id = ?"
                    + " FOR UPDATE")) {
                ps.setString(1, id);
                ps.setString(2, stationId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw ApiException.notFound("range " + id);
                    }
                    RangeStatus now = RangeStatus.valueOf(rs.getString(1));
                    RangeStatus wanted = ack.accepted() ? RangeStatus.ACCEPTED : RangeStatus.REFUSED;
                    if (now != RangeStatus.ACTIVATED && now != wanted) {
                        throw new ApiException(409, "range " + id + " is " + now + " already", List.of(
                                new FieldProblem("accepted", "range " + id + " was " + now + " before")));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE station_ranges SET status = ?, refusal_reason = ?"
                    + " WHERE id = ? AND status = 'ACTIVATED'")) {
                ps.setString(1, ack.accepted() ? RangeStatus.ACCEPTED.name() : RangeStatus.REFUSED.name());
                ps.setString(2, ack.accepted() ? null : ack.reason());
                ps.setString(3, id);
                ps.executeUpdate();
            }
            return range(c, stationId, id);
        });
    }

    /**
     * Unused codes a station gives back: each code the station holds (a range of its own, not
     * refused) and without a unit event goes back to the pool; the others are refused with a reason.
     * One idempotency key is taken once.
     */
    public ReturnResult returnCodes(String stationId, CodeReturn r) {
        if (r.idempotencyKey() == null || r.idempotencyKey().isBlank()) {
            throw ApiException.badRequest("idempotencyKey", "required");
        }
        if (r.productId() == null || r.productId().isBlank()) {
            throw ApiException.badRequest("productId", "required");
        }
        return db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO station_returns(idempotency_key, station_id,"
                    + " product_id, returned, refused) VALUES (?, ?, ?, 0, '[]') ON CONFLICT DO NOTHING")) {
                ps.setString(1, r.idempotencyKey());
                ps.setString(2, stationId);
                ps.setString(3, r.productId());
                if (ps.executeUpdate() == 0) {
                    return earlierReturn(c, r.idempotencyKey());
                }
            }
            Array codes = c.createArrayOf("text", r.codes().toArray());
            try (PreparedStatement ps = c.prepareStatement("SELECT code FROM pool_codes WHERE code = ANY(?) FOR UPDATE")) {
                ps.setArray(1, codes);
                ps.executeQuery().close();
            }
            Map<String, String> why = new LinkedHashMap<>();
            r.codes().forEach(code -> why.put(code, "not a code of this site"));
            List<String> back = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT p.code, p.product_id, r.station_id, r.status,"
                    + " EXISTS (SELECT 1 FROM unit_events e WHERE e.code = p.code) FROM pool_codes p"
                    + " LEFT JOIN station_ranges r ON r.id = p.station_range_id WHERE p.code = ANY(?)")) {
                ps.setArray(1, codes);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String code = rs.getString(1);
                        String reason = null;
                        if (!stationId.equals(rs.getString(3))) {
                            reason = "not held by station " + stationId;
                        } else if ("REFUSED".equals(rs.getString(4))) {
                            reason = "its range was refused by the station";
                        } else if (!r.productId().equals(rs.getString(2))) {
                            reason = "a code of product " + rs.getString(2) + ", not " + r.productId();
                        } else if (rs.getBoolean(5)) {
                            reason = "has a unit event: it was used";
                        }
                        if (reason == null) {
                            back.add(code);
                            why.remove(code);
                        } else {
                            why.put(code, reason);
                        }
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE pool_codes SET station_range_id = NULL WHERE code = ANY(?)")) {
                ps.setArray(1, c.createArrayOf("text", back.toArray()));
                ps.executeUpdate();
            }
            List<FieldProblem> refused = why.entrySet().stream().map(e -> new FieldProblem(e.getKey(), e.getValue())).toList();
            try (PreparedStatement ps = c.prepareStatement("UPDATE station_returns SET returned = ?, refused = ?"
                    + " WHERE idempotency_key = ?")) {
                ps.setInt(1, back.size());
                ps.setString(2, SiteMasterData.json(refused));
                ps.setString(3, r.idempotencyKey());
                ps.executeUpdate();
            }
            return new ReturnResult(back.size(), false, refused);
        });
    }

    private static ReturnResult earlierReturn(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT returned FROM station_returns WHERE idempotency_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new ReturnResult(rs.getInt(1), true, List.of());
            }
        }
    }

    /**
     * Codes a station holds that have no unit event yet (its buffer, as far as the site can tell), per station.
     */
    public Map<String, Long> heldUnused() {
        return db.read(c -> {
            Map<String, Long> out = new TreeMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT r.station_id, count(*) FROM pool_codes p"
                    + " JOIN station_ranges r ON r.id = p.station_range_id WHERE r.status <> 'REFUSED'"
                    + " AND NOT EXISTS (SELECT 1 FROM unit_events e WHERE e.code = p.code) GROUP BY r.station_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
            return out;
        });
    }

    private static long next(Connection c, String sequence) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT nextval('" + sequence + "')");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static Timestamp now() {
        return Timestamp.from(java.time.Instant.now());
    }
}

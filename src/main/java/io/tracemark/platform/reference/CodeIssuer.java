package io.tracemark.platform.reference;

import io.tracemark.platform.wire.CodeRange;
import io.tracemark.platform.wire.CodeRequest;
import io.tracemark.platform.wire.CodeRequestStatus;
import io.tracemark.platform.wire.CodeReturn;
import io.tracemark.platform.wire.FieldProblem;
import io.tracemark.platform.wire.NewCodeRequest;
import io.tracemark.platform.wire.Product;
import io.tracemark.platform.wire.RangeAck;
import io.tracemark.platform.wire.RangeStatus;
import io.tracemark.platform.wire.ReturnResult;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Code requests, their audit (automatic or by a person), activation into ranges, acknowledgements
 * and returns (guideline 5.5).
 */
final class CodeIssuer {

    static final int MAX_QUANTITY = 1_000_000;

    private final PlatformDatabase db;
    private final MasterData master;
    private final CodeGenerator generator;
    private final Clock clock;
    private volatile boolean autoAudit;

    CodeIssuer(PlatformDatabase db, MasterData master, CodeGenerator generator, Clock clock, boolean autoAudit) {
        this.db = db;
        this.master = master;
        this.generator = generator;
        this.clock = clock;
        this.autoAudit = autoAudit;
    }

    void autoAudit(boolean on) {
        autoAudit = on;
    }

    CodeRequest request(String producerId, NewCodeRequest body) {
        List<FieldProblem> problems = new ArrayList<>();
        Product product = body.productId() == null ? null : master.product(body.productId())
                .filter(p -> p.producerId().equals(producerId)).orElse(null);
        if (product == null) {
            problems.add(new FieldProblem("productId", "no product '" + body.productId() + "' of this producer"));
        }
        if (body.quantity() < 1 || body.quantity() > MAX_QUANTITY) {
            problems.add(new FieldProblem("quantity", body.quantity() + " is not 1.." + MAX_QUANTITY));
        }
        String scheme = body.scheme() != null ? body.scheme() : product == null ? null : product.scheme();
        if (scheme == null || !CodeGenerator.issues(scheme)) {
            problems.add(new FieldProblem("scheme", "'" + scheme + "' is not one of gs1, digital-link, digital-identity"));
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("code request refused", problems);
        }
        CodeRequest created = db.inTransaction(c -> {
            String id = String.format("REQ-%06d", PlatformDatabase.next(c, "request", 1));
            CodeRequest r = new CodeRequest(id, product.id(), body.quantity(), scheme,
                    CodeRequestStatus.PENDING_AUDIT, null, null, null, clock.instant());
            save(c, r);
            return r;
        });
        return autoAudit ? audit(created.id(), true, "auto", null) : created;
    }

    /**
     * Audits a pending request: approval activates it (generating its range) unless mandatory
     * information is missing, in which case it is refused naming the fields.
     */
    CodeRequest audit(String requestId, boolean approve, String auditor, String reason) {
        CodeRequest r = codeRequest(requestId);
        if (r.status() != CodeRequestStatus.PENDING_AUDIT) {
            throw new ApiException(409, "code request " + requestId + " was already audited: " + r.status(), List.of());
        }
        Product product = master.product(r.productId()).orElseThrow(() -> ApiException.notFound("product " + r.productId()));
        List<FieldProblem> missing = master.missingForActivation(product);
        if (approve && !missing.isEmpty()) {
            String fields = missing.stream().map(FieldProblem::field).collect(Collectors.joining(", "));
            return finish(r, CodeRequestStatus.REFUSED, auditor, "mandatory information missing: " + fields, null);
        }
        if (!approve) {
            return finish(r, CodeRequestStatus.REFUSED, auditor, reason == null ? "refused by " + auditor : reason, null);
        }
        return db.inTransaction(c -> {
            CodeGenerator.Generated g = generator.generate(c, product, serialSettings(c, product.id()), r.scheme(),
                    r.quantity());
            String rangeId = String.format("RNG-%06d", PlatformDatabase.next(c, "range", 1));
            CodeRange range = new CodeRange(rangeId, product.id(), r.id(), r.scheme(), g.count(), g.codes(),
                    g.pattern(), RangeStatus.ACTIVATED, null, clock.instant());
            Rows.update(c, "INSERT INTO ranges(id, product_id, status, json) VALUES(?, ?, ?, ?)",
                    rangeId, product.id(), range.status().name(), Rows.json(range));
            insertCodes(c, product, range, g);
            CodeRequest done = new CodeRequest(r.id(), r.productId(), r.quantity(), r.scheme(),
                    CodeRequestStatus.ACTIVATED, auditor, null, rangeId, r.createdAt());
            save(c, done);
            return done;
        });
    }

    private CodeRequest finish(CodeRequest r, CodeRequestStatus status, String auditor, String reason, String rangeId) {
        CodeRequest done = new CodeRequest(r.id(), r.productId(), r.quantity(), r.scheme(), status, auditor, reason,
                rangeId, r.createdAt());
        db.inTransaction(c -> {
            save(c, done);
            return null;
        });
        return done;
    }

    private static void insertCodes(Connection c, Product product, CodeRange range, CodeGenerator.Generated g)
            throws SQLException {
        boolean gs1 = g.serialPrefix() != null;
        try (var ps = c.prepareStatement("INSERT INTO codes(code, product_id, range_id, gtin, serial) VALUES(?, ?, ?, ?, ?)")) {
            List<String> all = g.all();
            for (int i = 0; i < all.size(); i++) {
                String code = all.get(i);
                ps.setString(1, code);
                ps.setString(2, product.id());
                ps.setString(3, range.id());
                ps.setString(4, gs1 ? product.gtin() : null);
                ps.setString(5, gs1 ? code.substring(g.serialPrefix().length()) : null);
                ps.addBatch();
                if (i % 1000 == 999) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** Sets how the GS1 serials of {@code productId} are drawn from now on. */
    SerialSettings setSerials(String productId, SerialSettings settings) {
        db.inTransaction(c -> Rows.update(c, "INSERT INTO serial_settings(product_id, json) VALUES(?, ?)"
                + " ON CONFLICT(product_id) DO UPDATE SET json = excluded.json", productId, Rows.json(settings)));
        return settings;
    }

    /** How the GS1 serials of {@code productId} are drawn: random unless set otherwise. */
    SerialSettings serials(String productId) {
        return db.inTransaction(c -> serialSettings(c, productId));
    }

    private static SerialSettings serialSettings(Connection c, String productId) throws SQLException {
        return Rows.one(c, SerialSettings.class, "SELECT json FROM serial_settings WHERE product_id = ?", productId)
                .orElse(SerialSettings.standard());
    }

    CodeRequest codeRequest(String id) {
        return db.inTransaction(c -> Rows.one(c, CodeRequest.class, "SELECT json FROM code_requests WHERE id = ?", id))
                .orElseThrow(() -> ApiException.notFound("code request " + id));
    }

    List<CodeRequest> requests(CodeRequestStatus status) {
        return db.inTransaction(c -> status == null
                ? Rows.list(c, CodeRequest.class, "SELECT json FROM code_requests ORDER BY id")
                : Rows.list(c, CodeRequest.class, "SELECT json FROM code_requests WHERE status = ? ORDER BY id",
                        status.name()));
    }

    /** Ranges of a producer's products, optionally of one status and product, oldest first. */
    List<CodeRange> ranges(String producerId, RangeStatus status, String productId) {
        String sql = "SELECT r.json FROM ranges r JOIN products p ON p.id = r.product_id WHERE (? IS NULL OR p.producer_id = ?)"
                + " AND (? IS NULL OR r.status = ?) AND (? IS NULL OR r.product_id = ?) ORDER BY r.id";
        String st = status == null ? null : status.name();
        return db.inTransaction(c -> Rows.list(c, CodeRange.class, sql, producerId, producerId, st, st, productId, productId));
    }

    CodeRange range(String producerId, String rangeId) {
        return ranges(producerId, null, null).stream().filter(r -> r.id().equals(rangeId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("range " + rangeId));
    }

    CodeRange acknowledge(String producerId, String rangeId, RangeAck ack) {
        CodeRange range = range(producerId, rangeId);
        RangeStatus wanted = ack.accepted() ? RangeStatus.ACCEPTED : RangeStatus.REFUSED;
        if (!ack.accepted() && (ack.reason() == null || ack.reason().isBlank())) {
            throw ApiException.badRequest("reason", "a refusal needs a reason");
        }
        if (range.status() == wanted) {
            return range;
        }
        if (range.status() != RangeStatus.ACTIVATED) {
            throw new ApiException(409, "range " + rangeId + " was already acknowledged: " + range.status(), List.of());
        }
        String reason = ack.accepted() ? null : ack.reason() + (ack.problems().isEmpty() ? "" : " " + ack.problems());
        CodeRange updated = range.withStatus(wanted, reason);
        db.inTransaction(c -> Rows.update(c, "UPDATE ranges SET status = ?, json = ? WHERE id = ?",
                wanted.name(), Rows.json(updated), rangeId));
        return updated;
    }

    ReturnResult returnCodes(String producerId, CodeReturn body) {
        if (body.idempotencyKey() == null || body.idempotencyKey().isBlank()) {
            throw ApiException.badRequest("idempotencyKey", "required");
        }
        return db.inTransaction(c -> {
            if (Rows.update(c, "INSERT OR IGNORE INTO code_returns(idempotency_key, product_id, returned, received_at)"
                    + " VALUES(?, ?, 0, ?)", body.idempotencyKey(), String.valueOf(body.productId()),
                    clock.instant().toString()) == 0) {
                return new ReturnResult(0, true, List.of());
            }
            List<FieldProblem> refused = new ArrayList<>();
            int returned = 0;
            for (String code : body.codes()) {
                String why = returnable(c, producerId, code);
                if (why != null) {
                    refused.add(new FieldProblem(code, why));
                } else {
                    Rows.update(c, "UPDATE codes SET returned = 1 WHERE code = ?", code);
                    returned++;
                }
            }
            Rows.update(c, "UPDATE code_returns SET returned = ? WHERE idempotency_key = ?", returned, body.idempotencyKey());
            return new ReturnResult(returned, false, refused);
        });
    }

    private static String returnable(Connection c, String producerId, String code) throws SQLException {
        try (var ps = c.prepareStatement("SELECT p.producer_id, k.returned, (SELECT count(*) FROM events e WHERE e.code = k.code)"
                + " FROM codes k JOIN products p ON p.id = k.product_id WHERE k.code = ?")) {
            ps.setString(1, code);
            try (var rs = ps.executeQuery()) {
                if (!rs.next() || !rs.getString(1).equals(producerId)) {
                    return "not issued to this producer";
                }
                if (rs.getInt(2) == 1) {
                    return "already returned";
                }
                return rs.getInt(3) > 0 ? "already used: the platform holds events for it" : null;
            }
        }
    }

    private static void save(Connection c, CodeRequest r) throws SQLException {
        Rows.update(c, "INSERT INTO code_requests(id, product_id, status, json) VALUES(?, ?, ?, ?)"
                + " ON CONFLICT(id) DO UPDATE SET status = excluded.status, json = excluded.json",
                r.id(), r.productId(), r.status().name(), Rows.json(r));
    }
}

package io.tracemark.platform.reference;

import io.tracemark.platform.wire.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Product recalls as the platform announces them to consumers (guideline 6.4): a whole product, the
 * units produced on some days, or listed codes. The public page of every code a recall covers shows
 * a red warning with the recall's reason.
 */
final class Recalls {

    /**
     * A recall.
     *
     * @param id           given by the platform ({@code R-1}, {@code R-2}, …); null in a request
     * @param productId    the product recalled
     * @param codes        only these codes; empty: every unit in the production window
     * @param producedFrom first production day covered (China time), null: from the first
     * @param producedTo   last production day covered, null: up to now
     * @param reason       what consumers are told, e.g. 温控器存在过热风险
     * @param announcedAt  when the platform took it; null in a request
     */
    record Recall(String id, String productId, List<String> codes, LocalDate producedFrom, LocalDate producedTo,
                  String reason, java.time.Instant announcedAt) {

        Recall {
            codes = codes == null ? List.of() : List.copyOf(codes);
        }

        /** Whether this recall covers a unit of its product with this code, produced on that day (null: unknown). */
        boolean covers(String code, LocalDate producedOn) {
            if (!codes.isEmpty()) {
                return codes.contains(code);
            }
            if (producedFrom == null && producedTo == null) {
                return true;
            }
            return producedOn != null && (producedFrom == null || !producedOn.isBefore(producedFrom))
                    && (producedTo == null || !producedOn.isAfter(producedTo));
        }
    }

    private final PlatformDatabase db;
    private final MasterData master;
    private final Clock clock;

    Recalls(PlatformDatabase db, MasterData master, Clock clock) {
        this.db = db;
        this.master = master;
        this.clock = clock;
    }

    /** Checks and stores a recall; every problem is named together. */
    Recall announce(Recall request) {
        List<FieldProblem> problems = new ArrayList<>();
        if (request.productId() == null || master.product(request.productId()).isEmpty()) {
            problems.add(new FieldProblem("productId", "unknown product '" + request.productId() + "'"));
        }
        if (request.reason() == null || request.reason().isBlank() || request.reason().length() > 200) {
            problems.add(new FieldProblem("reason", "the reason consumers are told is required (at most 200 characters)"));
        }
        if (request.producedFrom() != null && request.producedTo() != null
                && request.producedTo().isBefore(request.producedFrom())) {
            problems.add(new FieldProblem("producedTo", "the last day " + request.producedTo()
                    + " is before the first " + request.producedFrom()));
        }
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("recall refused, nothing stored", problems);
        }
        return db.inTransaction(c -> {
            long n = PlatformDatabase.next(c, "recall", 1);
            Recall stored = new Recall("R-" + n, request.productId(), request.codes(), request.producedFrom(),
                    request.producedTo(), request.reason().strip(), clock.instant());
            Rows.update(c, "INSERT INTO recalls(id, product_id, json) VALUES(?, ?, ?)", stored.id(), stored.productId(),
                    Rows.json(stored));
            return stored;
        });
    }

    /** Every recall, oldest first. */
    List<Recall> all() {
        return db.inTransaction(c -> Rows.list(c, Recall.class, "SELECT json FROM recalls ORDER BY rowid"));
    }

    /** The first recall covering this unit of the product, if any. */
    Optional<Recall> covering(String productId, String code, LocalDate producedOn) {
        return db.inTransaction(c -> Rows.list(c, Recall.class, "SELECT json FROM recalls WHERE product_id = ?"
                + " ORDER BY rowid", productId)).stream().filter(r -> r.covers(code, producedOn)).findFirst();
    }
}

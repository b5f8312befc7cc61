package io.tracemark.line;

import io.tracemark.ledger.AllocatedCode;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayDeque;
import java.util.List;

/**
 * Codes for the units of one job. Item level: allocated from the ledger in small chunks just ahead of
 * need (a rejected unit's replacement gets a new code); after a restart the codes still ALLOCATED
 * to the job are used first. Batch level: the job's one shared code on every unit. Used by the
 * feeder thread only.
 */
final class CodeSupply {

    private final CodeLedger ledger;
    private final String jobId;
    private final String scheme;
    private final String productId;
    private final int chunk;
    private final String sharedCode;
    private final ArrayDeque<String> allocated = new ArrayDeque<>();

    private CodeSupply(CodeLedger ledger, String jobId, String scheme, String productId, int chunk, String sharedCode) {
        this.ledger = ledger;
        this.jobId = jobId;
        this.scheme = scheme;
        this.productId = productId;
        this.chunk = chunk;
        this.sharedCode = sharedCode;
    }

    /** Codes of {@code scheme} for a job of {@code productId}: never codes activated for another product. */
    static CodeSupply itemLevel(CodeLedger ledger, Database db, String jobId, String scheme, String productId, int chunk) {
        CodeSupply supply = new CodeSupply(ledger, jobId, scheme, productId, chunk, null);
        supply.allocated.addAll(allocatedTo(db, jobId));
        return supply;
    }

    static CodeSupply shared(String code) {
        return new CodeSupply(null, null, null, null, 1, code);
    }

    /**
     * The code for the next unit.
     *
     * @param stillNeeded units still to send for the job (bounds a new allocation)
     * @throws io.tracemark.ledger.LedgerException when no code is left
     */
    String next(int stillNeeded, String actor) {
        if (sharedCode != null) {
            return sharedCode;
        }
        if (allocated.isEmpty()) {
            int n = Math.max(1, Math.min(chunk, stillNeeded));
            for (AllocatedCode code : ledger.allocate(jobId, n, scheme, productId, actor)) {
                allocated.add(code.code());
            }
        }
        return allocated.poll();
    }

    /** A code that would be handed out next without taking it (for previews), when one is at hand. */
    String peek() {
        return sharedCode != null ? sharedCode : allocated.peek();
    }

    /**
     * The first AVAILABLE code of a scheme that a job of the product may use (see
     * {@link CodeLedger#allocate(String, int, String, String, String)}), to bind as a batch-level
     * job's shared code or to preview.
     */
    static String firstAvailable(Database db, String scheme, String productId) {
        return db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT c.code FROM codes c JOIN code_packages p"
                    + " ON p.id = c.package_id WHERE c.state = 'AVAILABLE' AND c.scheme = ?"
                    + " AND (p.product_id = ? OR p.product_id IS NULL) ORDER BY c.id LIMIT 1")) {
                ps.setString(1, scheme);
                ps.setString(2, productId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        });
    }

    private static List<String> allocatedTo(Database db, String jobId) {
        return db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT code FROM codes WHERE job_id = ? AND state = 'ALLOCATED' ORDER BY id")) {
                ps.setString(1, jobId);
                List<String> codes = new java.util.ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        codes.add(rs.getString(1));
                    }
                }
                return codes;
            }
        });
    }
}

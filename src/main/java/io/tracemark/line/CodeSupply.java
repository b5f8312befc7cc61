package io.tracemark.line;

import io.tracemark.ledger.AllocatedCode;
import io.tracemark.ledger.CodeLedger;
import java.util.ArrayDeque;

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
    static CodeSupply itemLevel(CodeLedger ledger, String jobId, String scheme, String productId, int chunk) {
        CodeSupply supply = new CodeSupply(ledger, jobId, scheme, productId, chunk, null);
        supply.allocated.addAll(ledger.allocatedTo(jobId));
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
}

package io.tracemark.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Read access to the code ledger for the API: one unit by its code, and the code pool. The values are
 * plain JSON-ready maps so the web layer does not fix the ledger's types.
 */
public interface UnitLookup {

    /** The unit or code with this exact code text: state, job, times; empty when unknown. */
    Optional<Map<String, Object>> unit(String code);

    /** Code pool counts, e.g. per product and state. */
    Map<String, Object> pool();

    /**
     * The latest jobs, newest first, at most {@code limit}: {@code jobId, state, traceLevel, quantity,
     * createdAt, endedAt} and the books ({@code allocated, sent, verified, rejected, voided, inFlight,
     * released, balanced}).
     */
    default List<Map<String, Object>> jobs(int limit) {
        return List.of();
    }

    /** Verdicts per minute in [{@code from}, {@code to}), oldest first; minutes without any left out. */
    default List<io.tracemark.ledger.VerdictMinute> verdictsByMinute(java.time.Instant from, java.time.Instant to) {
        return List.of();
    }

    /** No ledger connected: every code is unknown and the pool is empty. */
    UnitLookup NONE = new UnitLookup() {
        @Override
        public Optional<Map<String, Object>> unit(String code) {
            return Optional.empty();
        }

        @Override
        public Map<String, Object> pool() {
            return Map.of();
        }
    };
}

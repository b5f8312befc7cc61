package io.tracemark.platform.wire;

import java.time.LocalDate;

/**
 * Body of {@code POST /daily-quantities}: the quantity produced of one product on one day
 * (guideline 5.3.3.3 note 1: exact and daily for 一物一码/组合多码), as counted by one source. A
 * later report for the same product, day and source replaces the earlier one; the platform's
 * quantity of the day is the sum over its sources, so two stations of one producer, or a station
 * whose database was replaced, add up instead of overwriting each other.
 *
 * @param productId the product
 * @param day       the production day (station local date)
 * @param quantity  units produced (verified) that day
 * @param exact     true for item-level codes (an exact count), false for an estimate
 * @param source    who counted, e.g. {@code <stationId>/<jobId>} (unique across stations and
 *                  database lifetimes); null for a producer's single total
 */
public record DailyQuantity(String productId, LocalDate day, long quantity, boolean exact, String source) {

    /** A producer's single total for the day (no source). */
    public DailyQuantity(String productId, LocalDate day, long quantity, boolean exact) {
        this(productId, day, quantity, exact, null);
    }
}

package io.tracemark.platform.wire;

import java.time.LocalDate;

/**
 * Body of {@code POST /daily-quantities}: the quantity produced of one product on one day
 * (guideline 5.3.3.3 note 1: exact and daily for 一物一码/组合多码). A later report for the same
 * product and day replaces the earlier one.
 *
 * @param productId the product
 * @param day       the production day (station local date)
 * @param quantity  units produced (verified) that day
 * @param exact     true for item-level codes (an exact count), false for an estimate
 */
public record DailyQuantity(String productId, LocalDate day, long quantity, boolean exact) {
}

package io.tracemark.pack;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a recall starts from (guideline 6.4): one code (a unit's trace code, or a case's or pallet's SSCC: every
 * unit inside), a batch (lot) number, or a product over a range of production days.
 */
public sealed interface RecallSelector {

    /** What the recall starts from, as a person reads it (audit log, reports). */
    String describe();

    /** A unit's trace code, or a case's or pallet's SSCC (as scanned: bracketed, raw GS1 or digits). */
    record ByCode(String code) implements RecallSelector {
        @Override
        public String describe() {
            return "code " + code;
        }
    }

    /** Every unit of the jobs with this batch number. */
    record ByBatch(String batch) implements RecallSelector {
        @Override
        public String describe() {
            return "batch " + batch;
        }
    }

    /** Every unit of the product's jobs whose production day lies from {@code from} to {@code to}, inclusive. */
    record ByProduct(String productId, LocalDate from, LocalDate to) implements RecallSelector {
        @Override
        public String describe() {
            return "product " + productId + " produced " + from + " to " + to;
        }
    }

    /**
     * The selector named by exactly one of {@code code}, {@code batch} or {@code product} (with {@code from} and
     * {@code to}, ISO dates); blank counts as absent.
     *
     * @throws InvalidInputException naming every problem: none or several selectors, a date missing or not a
     *         date, from after to, dates without a product
     */
    static RecallSelector of(String code, String batch, String product, String from, String to) {
        List<Problem> problems = new ArrayList<>();
        int named = (given(code) ? 1 : 0) + (given(batch) ? 1 : 0) + (given(product) ? 1 : 0);
        if (named != 1) {
            problems.add(new Problem("selector", (named == 0 ? "none given" : named + " given")
                    + ": name exactly one of code, batch or product (with from and to)"));
        }
        LocalDate fromDay = null;
        LocalDate toDay = null;
        if (given(product)) {
            fromDay = day("from", from, problems);
            toDay = day("to", to, problems);
            if (fromDay != null && toDay != null && fromDay.isAfter(toDay)) {
                problems.add(new Problem("from", "from " + fromDay + " is after to " + toDay));
            }
        } else if (given(from) || given(to)) {
            problems.add(new Problem("from", "from and to go with a product only"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException("recall", problems);
        }
        if (given(code)) {
            return new ByCode(code.strip());
        }
        return given(batch) ? new ByBatch(batch.strip()) : new ByProduct(product.strip(), fromDay, toDay);
    }

    private static boolean given(String text) {
        return text != null && !text.isBlank();
    }

    private static LocalDate day(String field, String text, List<Problem> problems) {
        if (!given(text)) {
            problems.add(new Problem(field, "required with a product: a production day, YYYY-MM-DD"));
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(new Problem(field, "'" + text.strip() + "' is not a date (YYYY-MM-DD)"));
            return null;
        }
    }
}

package io.tracemark.master;

import io.tracemark.core.Problem;
import java.util.ArrayList;
import java.util.List;

/**
 * How a job of one product is set up on this line, chosen with one tap on the panel.
 *
 * @param id           1–64 letters, digits, '.', '_' or '-'
 * @param name         what operators see on the button, e.g. "电热水壶 1.7 L · 一物一码"
 * @param productId    the product (master data)
 * @param template     label template; null: the product's default
 * @param printer      printer name; null: choose on the job form
 * @param scanner      scanner name; null: choose on the job form
 * @param scheme       code scheme; null: the product's default
 * @param minimumGrade minimum print grade (A–D); null: the station's
 * @param caseSize     units per case (for packing); null: none
 * @param traceLevel   PRODUCT, BATCH or ITEM; null: choose on the job form
 */
public record Recipe(String id, String name, String productId, String template, String printer, String scanner,
                     String scheme, String minimumGrade, Integer caseSize, String traceLevel) {

    /** The most units a case may hold. */
    public static final int MAX_CASE_SIZE = 10_000;

    /** Every problem with the recipe's own fields (that its product exists is checked by the store). */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        if (id == null || !id.matches("[A-Za-z0-9._-]{1,64}")) {
            problems.add(new Problem("id", "must be 1–64 letters, digits, '.', '_' or '-', was '" + id + "'"));
        }
        MandatoryFields.require(problems, "name", name, "配方名称");
        MandatoryFields.require(problems, "productId", productId, "产品");
        if (caseSize != null && (caseSize < 1 || caseSize > MAX_CASE_SIZE)) {
            problems.add(new Problem("caseSize", "case size must be from 1 to " + MAX_CASE_SIZE + ", was " + caseSize));
        }
        if (minimumGrade != null && !minimumGrade.matches("[A-D]")) {
            problems.add(new Problem("minimumGrade", "not a grade (A-F or 0-4): '" + minimumGrade + "'"));
        }
        if (traceLevel != null && !List.of("PRODUCT", "BATCH", "ITEM").contains(traceLevel)) {
            problems.add(new Problem("traceLevel", "unknown trace level '" + traceLevel
                    + "', expected PRODUCT, BATCH or ITEM"));
        }
        return problems;
    }
}

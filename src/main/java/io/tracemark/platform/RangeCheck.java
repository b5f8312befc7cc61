package io.tracemark.platform;

import io.tracemark.platform.wire.CodePattern;
import io.tracemark.platform.wire.CodeRange;
import io.tracemark.platform.wire.FieldProblem;
import io.tracemark.platform.wire.Product;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The station's own checks of a range before the ledger sees it: shape (list or interval, counts
 * that agree, a sane size), no repeated code, and for GS1 codes the GTIN of the product. Code
 * validity per scheme and overlaps with the ledger are the ledger import's checks.
 */
public final class RangeCheck {

    public static final int MAX_LISTED = 20;
    private static final Pattern GTIN = Pattern.compile("(?:^\\(01\\)|/01/)(\\d{14})");

    private RangeCheck() {
    }

    /** Problems of the range (at most {@value #MAX_LISTED} listed, with a count of the rest). */
    public static List<FieldProblem> problems(CodeRange range, Product product) {
        List<FieldProblem> problems = new ArrayList<>();
        if (product == null) {
            problems.add(new FieldProblem("productId", "'" + range.productId() + "' is not a product of this station"));
        }
        if (range.scheme() == null || range.scheme().isBlank()) {
            problems.add(new FieldProblem("scheme", "missing"));
        }
        if ((range.codes() == null) == (range.pattern() == null)) {
            problems.add(new FieldProblem("codes", "a range has either an explicit list or a pattern, not "
                    + (range.codes() == null ? "neither" : "both")));
            return problems;
        }
        if (range.pattern() != null) {
            range.pattern().problems().forEach(p -> problems.add(new FieldProblem("pattern", p)));
            if (!problems.isEmpty()) {
                return problems;
            }
        }
        long actual = range.codes() != null ? range.codes().size() : range.pattern().count();
        if (actual != range.count() || actual == 0) {
            problems.add(new FieldProblem("count", "says " + range.count() + " but the range holds " + actual));
        }
        if (actual > CodePattern.MAX_COUNT) {
            problems.add(new FieldProblem("count", actual + " codes exceed " + CodePattern.MAX_COUNT));
            return problems;
        }
        if (range.codes() != null) {
            listProblems(range.codes(), problems);
        }
        if (product != null && product.gtin() != null && ("gs1".equals(range.scheme())
                || "digital-link".equals(range.scheme()))) {
            gtinProblems(range, product.gtin(), problems);
        }
        return problems;
    }

    private static void listProblems(List<String> codes, List<FieldProblem> problems) {
        Set<String> seen = new HashSet<>();
        int bad = 0;
        for (int i = 0; i < codes.size(); i++) {
            String c = codes.get(i);
            String why = c == null || c.isBlank() ? "empty code" : !seen.add(c) ? "code " + c + " repeated" : null;
            if (why != null && bad++ < MAX_LISTED) {
                problems.add(new FieldProblem("codes[" + i + "]", why));
            }
        }
        if (bad > MAX_LISTED) {
            problems.add(new FieldProblem("codes", (bad - MAX_LISTED) + " more problems not listed"));
        }
    }

    private static void gtinProblems(CodeRange range, String gtin, List<FieldProblem> problems) {
        List<String> codes = range.codes() != null ? range.codes()
                : List.of(range.pattern().code(range.pattern().from()), range.pattern().code(range.pattern().to()));
        int bad = 0;
        for (String c : codes) {
            Matcher m = GTIN.matcher(c == null ? "" : c);
            if ((!m.find() || !m.group(1).equals(gtin)) && bad++ < MAX_LISTED) {
                problems.add(new FieldProblem(c, "not a code of the product's GTIN " + gtin));
            }
        }
    }
}

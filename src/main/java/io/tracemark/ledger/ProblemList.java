package io.tracemark.ledger;

import io.tracemark.core.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The problems of one import, bounded: the first {@value #MAX_LISTED} by line are kept, the rest
 * only counted. A duplicate is first noted without the line it repeats; {@link #traceDuplicates}
 * finds those lines by reading the package once more, so no map of every code is ever held.
 */
final class ProblemList {

    /** At most this many problems are listed; the total is always reported. */
    static final int MAX_LISTED = 100;

    private static final String DUPLICATE = "duplicate of an earlier line (";

    private final List<Problem> kept = new ArrayList<>();
    private long total;

    /** A duplicate whose first line is not known yet. */
    static Problem duplicate(CodeLine line) {
        return new Problem("line " + line.line(), DUPLICATE + line.code() + ")");
    }

    void add(Problem problem) {
        total++;
        if (kept.size() < MAX_LISTED) {
            kept.add(problem);
        }
    }

    /** The problems of one batch: sorted by line, so that the kept ones are the first of the file. */
    void addBatch(List<Problem> batch) {
        List<Problem> sorted = new ArrayList<>(batch);
        sorted.sort(Comparator.comparingInt(ProblemList::lineOf));
        sorted.forEach(this::add);
    }

    long total() {
        return total;
    }

    /** Rewrites the kept duplicates to name the line each repeats, reading {@code content} again. */
    void traceDuplicates(CodeImporter.PackageSource content) {
        Map<String, Integer> firstLine = new HashMap<>();
        for (Problem p : kept) {
            if (p.message().startsWith(DUPLICATE)) {
                firstLine.put(p.message().substring(DUPLICATE.length(), p.message().length() - 1), null);
            }
        }
        if (firstLine.isEmpty()) {
            return;
        }
        content.readInto(new PackageSink() {
            @Override
            public void code(CodeLine line) {
                if (firstLine.containsKey(line.code()) && firstLine.get(line.code()) == null) {
                    firstLine.put(line.code(), line.line());
                }
            }

            @Override
            public void problem(Problem problem) {
                // reported in the first reading
            }
        });
        kept.replaceAll(p -> {
            if (!p.message().startsWith(DUPLICATE)) {
                return p;
            }
            String code = p.message().substring(DUPLICATE.length(), p.message().length() - 1);
            return new Problem(p.where(), "duplicate of line " + firstLine.get(code) + " (" + code + ")");
        });
    }

    /** The kept problems, plus one line with the total when some were cut. */
    List<Problem> listed() {
        if (total <= kept.size()) {
            return List.copyOf(kept);
        }
        List<Problem> cut = new ArrayList<>(kept);
        cut.add(new Problem("total", total + " bad lines, the first " + MAX_LISTED + " listed"));
        return cut;
    }

    private static int lineOf(Problem problem) {
        String where = problem.where();
        return where.startsWith("line ") ? Integer.parseInt(where.substring(5)) : 0;
    }
}

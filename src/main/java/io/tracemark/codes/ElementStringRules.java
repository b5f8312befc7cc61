package io.tracemark.codes;

import io.tracemark.codes.ElementString.Element;
import io.tracemark.core.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The checks of {@link ElementString#validate()}, all from the GS1 Barcode Syntax Dictionary: each
 * value against its AI's components and linters; an AI repeated with the same value is one AI (the
 * data of several symbols on one item read together), with another value it is refused; then
 * the association rules: every {@code req} attribute of each AI present must be met by one of its
 * alternatives, and no AI may appear with an AI its {@code ex} attribute excludes (GenSpecs 4.13).
 */
final class ElementStringRules {

    private ElementStringRules() {
    }

    static List<Problem> validate(ElementString es) {
        List<Problem> problems = new ArrayList<>();
        if (es.elements().isEmpty()) {
            problems.add(new Problem("", "element string is empty"));
        }
        Map<String, ApplicationIdentifier> present = new LinkedHashMap<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (Element e : es.elements()) {
            String where = "(" + e.ai() + ")";
            String before = seen.putIfAbsent(e.ai(), e.value());
            if (before != null) {
                if (!before.equals(e.value())) {
                    problems.add(new Problem(where, "appears twice with different values '" + before + "' and '"
                            + e.value() + "'"));
                }
                continue;
            }
            Optional<ApplicationIdentifier> ai = ApplicationIdentifiers.find(e.ai());
            if (ai.isEmpty()) {
                problems.add(new Problem(where, "unknown or unsupported AI"));
            } else {
                present.put(e.ai(), ai.get());
                ai.get().problems(e.value()).forEach(p -> problems.add(new Problem(where, p)));
            }
        }
        Set<String> ais = seen.keySet();
        for (ApplicationIdentifier ai : present.values()) {
            for (List<List<String>> rule : ai.requires()) {
                if (rule.stream().noneMatch(all -> all.stream().allMatch(p -> anyMatches(p, ais)))) {
                    problems.add(new Problem("(" + ai.ai() + ")", "needs " + describe(rule) + " in the same element string"));
                }
            }
        }
        Set<String> reported = new HashSet<>();
        for (ApplicationIdentifier ai : present.values()) {
            for (String pattern : ai.excludes()) {
                for (String other : ais) {
                    if (!other.equals(ai.ai()) && SyntaxDictionary.matches(pattern, other)
                            && reported.add(pairKey(ai.ai(), other))) {
                        problems.add(new Problem("(" + ai.ai() + ")", "may not appear together with (" + other + ")"));
                    }
                }
            }
        }
        return problems;
    }

    private static boolean anyMatches(String pattern, Set<String> ais) {
        return ais.stream().anyMatch(ai -> SyntaxDictionary.matches(pattern, ai));
    }

    /** {@code (01) or (8006)}; {@code (01) with (21) or (8006) with (21)}. */
    private static String describe(List<List<String>> rule) {
        return String.join(" or ", rule.stream()
                .map(all -> String.join(" with ", all.stream().map(p -> "(" + p + ")").toList())).toList());
    }

    private static String pairKey(String a, String b) {
        return a.compareTo(b) < 0 ? a + "|" + b : b + "|" + a;
    }
}

package io.tracemark.codes;

import io.tracemark.codes.ElementString.Element;
import io.tracemark.core.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks of {@link ElementString#validate()}: each value against its AI, and the pairing
 * rules of the GS1 General Specifications 4.13 (attributes need the key they describe).
 */
final class ElementStringRules {

    /** AI -> the keys of which at least one must be present (GS1 Barcode Syntax Dictionary "req"). */
    private static final Map<String, List<String>> REQUIRES = Map.ofEntries(
            Map.entry("02", List.of("37")),
            Map.entry("10", List.of("01", "02", "8006")),
            Map.entry("11", List.of("01", "02", "8006")),
            Map.entry("13", List.of("01", "02", "8006")),
            Map.entry("15", List.of("01", "02", "8006")),
            Map.entry("16", List.of("01", "02", "8006")),
            Map.entry("17", List.of("01", "02", "8006")),
            Map.entry("21", List.of("01", "8006")),
            Map.entry("22", List.of("01")),
            Map.entry("250", List.of("01", "8006")),
            Map.entry("254", List.of("414")),
            Map.entry("7003", List.of("01", "02")));

    private ElementStringRules() {
    }

    static List<Problem> validate(ElementString es) {
        List<Problem> problems = new ArrayList<>();
        if (es.elements().isEmpty()) {
            problems.add(new Problem("", "element string is empty"));
        }
        Map<String, String> seen = new HashMap<>();
        for (Element e : es.elements()) {
            String where = "(" + e.ai() + ")";
            Optional<ApplicationIdentifier> ai = ApplicationIdentifiers.find(e.ai());
            if (ai.isEmpty()) {
                problems.add(new Problem(where, "unknown or unsupported AI"));
            } else {
                ai.get().problems(e.value()).forEach(p -> problems.add(new Problem(where, p)));
            }
            String before = seen.putIfAbsent(e.ai(), e.value());
            if (before != null) {
                problems.add(new Problem(where, before.equals(e.value())
                        ? "appears twice"
                        : "appears twice with different values '" + before + "' and '" + e.value() + "'"));
            }
        }
        if (es.has("01") && es.has("02")) {
            problems.add(new Problem("(02)", "(01) and (02) may not appear together"));
        }
        for (Element e : es.elements()) {
            List<String> keys = REQUIRES.get(e.ai());
            if (keys != null && keys.stream().noneMatch(es::has)) {
                problems.add(new Problem("(" + e.ai() + ")", "needs " + String.join(" or ",
                        keys.stream().map(k -> "(" + k + ")").toList()) + " in the same element string"));
            }
        }
        return problems;
    }
}

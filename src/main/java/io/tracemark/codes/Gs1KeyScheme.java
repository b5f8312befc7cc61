package io.tracemark.codes;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A GS1 key scheme: {@code gtin} (GTIN-8/12/13/14, normalised to 14 digits), {@code sscc},
 * {@code gln}.
 *
 * @param name  the scheme name
 * @param kinds the key kinds this scheme accepts
 */
public record Gs1KeyScheme(String name, Set<Gs1Key> kinds) implements CodeScheme {

    public static final Gs1KeyScheme GTIN =
            new Gs1KeyScheme("gtin", Set.of(Gs1Key.GTIN_8, Gs1Key.GTIN_12, Gs1Key.GTIN_13, Gs1Key.GTIN_14));
    public static final Gs1KeyScheme SSCC = new Gs1KeyScheme("sscc", Set.of(Gs1Key.SSCC));
    public static final Gs1KeyScheme GLN = new Gs1KeyScheme("gln", Set.of(Gs1Key.GLN));

    public Gs1KeyScheme {
        kinds = Set.copyOf(kinds);
    }

    @Override
    public Verdict validate(String code) {
        Map<String, String> parts = new LinkedHashMap<>();
        List<String> problems;
        if (this.equals(GTIN)) {
            problems = Gs1Key.gtinProblems(code);
            if (problems.isEmpty()) {
                parts.put("format", Gs1Key.gtinOfLength(code.length()).label());
                parts.put("gtin14", Gs1Key.normaliseGtin(code));
            }
        } else {
            Gs1Key kind = kinds.iterator().next();
            problems = kind.problems(code);
            if (problems.isEmpty() && kind == Gs1Key.SSCC) {
                parts.put("extensionDigit", code.substring(0, 1));
            }
        }
        if (problems.isEmpty()) {
            parts.put("checkDigit", code.substring(code.length() - 1));
        }
        return Verdict.of(name, problems, List.of(), parts);
    }

    @Override
    public boolean fits(String code) {
        return Gs1CheckDigit.isDigits(code) && kinds.stream().anyMatch(k -> k.length() == code.length());
    }
}

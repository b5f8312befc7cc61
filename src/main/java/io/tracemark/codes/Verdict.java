package io.tracemark.codes;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one scheme says about one code.
 *
 * @param scheme   the scheme's name, e.g. {@code sscc}
 * @param valid    whether the code is valid under the scheme (warnings do not make it invalid)
 * @param reason   {@code valid}, or {@code invalid: } followed by every problem, e.g.
 *                 {@code invalid: check digit should be 2}
 * @param warnings things a person must confirm even though the code is valid
 * @param parts    the parsed parts in reading order, e.g. {@code gtin14 -> 06912345678904}
 */
public record Verdict(String scheme, boolean valid, String reason, List<String> warnings,
                      Map<String, String> parts) {

    public Verdict {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(reason, "reason");
        warnings = List.copyOf(warnings);
        parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
    }

    /** A valid verdict. */
    public static Verdict valid(String scheme, Map<String, String> parts, List<String> warnings) {
        return new Verdict(scheme, true, "valid", warnings, parts);
    }

    /** An invalid verdict whose reason lists {@code problems} (at least one). */
    public static Verdict invalid(String scheme, List<String> problems, Map<String, String> parts) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid verdict needs a problem");
        }
        return new Verdict(scheme, false, "invalid: " + String.join("; ", problems), List.of(), parts);
    }

    /** Valid when {@code problems} is empty, otherwise invalid with them. */
    static Verdict of(String scheme, List<String> problems, List<String> warnings, Map<String, String> parts) {
        return problems.isEmpty() ? valid(scheme, parts, warnings) : invalid(scheme, problems, parts);
    }
}

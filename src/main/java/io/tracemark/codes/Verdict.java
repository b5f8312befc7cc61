package io.tracemark.codes;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one scheme says about one code. Three outcomes: {@code valid}; {@code invalid: <reason>};
 * and invalid but {@code confirmable}: the code breaks a rule that some legally issued codes break
 * (a USCC whose check character fails), so a person may confirm it with the issuing authority and
 * master data may then accept it with that confirmation on record. Nothing else accepts it.
 *
 * @param scheme      the scheme's name, e.g. {@code sscc}
 * @param valid       whether the code is valid under the scheme (warnings do not make it invalid)
 * @param confirmable whether an invalid code may be accepted once a person confirms it (never when valid)
 * @param reason      {@code valid}, or {@code invalid: } followed by every problem, e.g.
 *                    {@code invalid: check digit should be 2}
 * @param warnings    things worth knowing about a valid code (a confirmable code carries the note
 *                    about confirmation in its reason)
 * @param parts       the parsed parts in reading order, e.g. {@code gtin14 -> 06912345678904}
 */
public record Verdict(String scheme, boolean valid, boolean confirmable, String reason, List<String> warnings,
                      Map<String, String> parts) {

    public Verdict {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(reason, "reason");
        if (valid && confirmable) {
            throw new IllegalArgumentException("a valid verdict needs no confirmation");
        }
        warnings = List.copyOf(warnings);
        parts = Collections.unmodifiableMap(new LinkedHashMap<>(parts));
    }

    /** A valid verdict. */
    public static Verdict valid(String scheme, Map<String, String> parts, List<String> warnings) {
        return new Verdict(scheme, true, false, "valid", warnings, parts);
    }

    /** An invalid verdict whose reason lists {@code problems} (at least one). */
    public static Verdict invalid(String scheme, List<String> problems, Map<String, String> parts) {
        return new Verdict(scheme, false, false, invalidReason(problems), List.of(), parts);
    }

    /**
     * An invalid verdict that a person may confirm: its reason lists {@code problems} and ends
     * with {@code note}, which says who can confirm the code.
     */
    public static Verdict confirmable(String scheme, List<String> problems, String note, Map<String, String> parts) {
        return new Verdict(scheme, false, true, invalidReason(problems) + " (" + note + ")", List.of(), parts);
    }

    /** Valid when {@code problems} is empty, otherwise invalid with them. */
    static Verdict of(String scheme, List<String> problems, List<String> warnings, Map<String, String> parts) {
        return problems.isEmpty() ? valid(scheme, parts, warnings) : invalid(scheme, problems, parts);
    }

    private static String invalidReason(List<String> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid verdict needs a problem");
        }
        return "invalid: " + String.join("; ", problems);
    }
}

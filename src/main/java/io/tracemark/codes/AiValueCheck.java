package io.tracemark.codes;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks one AI value against its syntax dictionary entry: the value is cut into its components
 * (fixed ones take their length, the last may vary, optional ones may be missing at the end), each
 * component's characters are checked against its set, then its linters run in order.
 */
final class AiValueCheck {

    private AiValueCheck() {
    }

    static List<String> problems(ApplicationIdentifier ai, String value) {
        List<String> problems = new ArrayList<>();
        if (value.length() < ai.minLength() || value.length() > ai.maxLength()) {
            problems.add(ai.fixedLength()
                    ? "value must be " + ai.maxLength() + " characters (" + ai.format() + "), not " + value.length()
                    : "value must be " + ai.minLength() + " to " + ai.maxLength() + " characters (" + ai.format()
                    + "), not " + value.length());
            return problems;
        }
        int pos = 0;
        List<AiComponent> components = ai.components();
        for (int n = 0; n < components.size() && problems.isEmpty(); n++) {
            AiComponent c = components.get(n);
            int left = value.length() - pos;
            if (left == 0 && c.optional()) {
                break;
            }
            int length = c.fixedLength() ? c.maxLength() : Math.min(left, c.maxLength());
            if (left < length) {
                problems.add("component " + (n + 1) + " (" + c.format() + ") needs " + length + " characters, only "
                        + left + " left");
                break;
            }
            String part = value.substring(pos, pos + length);
            int bad = CharacterSet.ofDictionaryType(c.charset()).firstInvalid(part);
            if (bad >= 0) {
                problems.add("character '" + printable(part.charAt(bad)) + "' at position " + (pos + bad + 1)
                        + " is not in " + CharacterSet.ofDictionaryType(c.charset()).description());
                break;
            }
            for (String linter : c.linters()) {
                var problem = Gs1Linters.lint(linter, part);
                if (problem.isPresent()) {
                    problems.add(problem.get());
                    break;
                }
            }
            pos += length;
        }
        if (problems.isEmpty() && pos < value.length()) {
            problems.add("value must be at most " + pos + " characters here (" + ai.format() + "), not " + value.length());
        }
        return problems;
    }

    private static String printable(char c) {
        return c < 0x20 || c == 0x7f ? String.format("\\u%04X", (int) c) : String.valueOf(c);
    }
}

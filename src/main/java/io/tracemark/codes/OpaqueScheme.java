package io.tracemark.codes;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A platform-issued code with no public structure (数字身份码, 质溯码 …), described in configuration
 * by a name and a regular expression the whole code must match, optionally a maximum length.
 *
 * @param name      the scheme name, e.g. {@code zhisu}
 * @param pattern   the pattern the whole code must match
 * @param maxLength the longest code accepted, 0 for no limit
 */
public record OpaqueScheme(String name, Pattern pattern, int maxLength) implements CodeScheme {

    public OpaqueScheme {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pattern, "pattern");
        if (name.isBlank()) {
            throw new IllegalArgumentException("opaque scheme: the name is empty");
        }
        if (maxLength < 0) {
            throw new IllegalArgumentException("opaque scheme " + name + ": maxLength " + maxLength + " is negative");
        }
    }

    /**
     * A scheme from configuration values.
     *
     * @throws IllegalArgumentException naming the scheme if {@code regex} does not compile
     */
    public static OpaqueScheme of(String name, String regex, int maxLength) {
        try {
            return new OpaqueScheme(name, Pattern.compile(regex), maxLength);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("opaque scheme " + name + ": pattern " + regex
                    + " does not compile: " + e.getDescription(), e);
        }
    }

    /** A scheme without a length limit. */
    public static OpaqueScheme of(String name, String regex) {
        return of(name, regex, 0);
    }

    @Override
    public Verdict validate(String code) {
        List<String> problems = new ArrayList<>();
        if (maxLength > 0 && code.length() > maxLength) {
            problems.add("longer than " + maxLength + " characters (" + code.length() + ")");
        }
        if (!pattern.matcher(code).matches()) {
            problems.add("does not match the pattern " + pattern.pattern() + " of scheme " + name);
        }
        return Verdict.of(name, problems, List.of(), problems.isEmpty() ? Map.of("code", code) : Map.of());
    }

    @Override
    public boolean fits(String code) {
        return (maxLength == 0 || code.length() <= maxLength) && pattern.matcher(code).matches();
    }
}

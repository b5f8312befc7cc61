package io.tracemark.web;

import io.tracemark.core.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Classifies problem messages into a few stable keys ({@code required}, {@code unknown}, {@code format},
 * {@code range}, {@code codes}) so the panel can show them in the user's language; the original
 * message goes along for the specifics.
 */
final class ProblemKeys {

    private static final Map<String, Pattern> KEYS = new LinkedHashMap<>();

    static {
        KEYS.put("codes", Pattern.compile("(?i)(not enough|too few) codes|codes? (left|available)"));
        KEYS.put("required", Pattern.compile("(?i)required|missing|is empty|must be given|not set|no value"));
        KEYS.put("unknown", Pattern.compile("(?i)unknown|not configured|no such|not found|does not exist|already exists"));
        KEYS.put("format", Pattern.compile("(?i)not a (date|number|whole number)|expected|format|invalid|must be \\d|letters|digits"));
        KEYS.put("range", Pattern.compile("(?i)at least|at most|between|too (many|few|large|small|long)|greater|less|positive|before|after|out of range"));
    }

    private ProblemKeys() {
    }

    /** The key for a message, or null when none fits. */
    static String keyOf(String message) {
        for (Map.Entry<String, Pattern> entry : KEYS.entrySet()) {
            if (entry.getValue().matcher(message).find()) {
                return entry.getKey();
            }
        }
        return null;
    }

    /**
     * The JSON list of problems: field, message, (when known) key, and the message's bundle key and
     * parameters ({@link MessageKeys}).
     */
    static List<Map<String, Object>> json(List<Problem> problems) {
        return problems.stream().map(p -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("field", p.where());
            out.put("message", p.message());
            String key = keyOf(p.message());
            out.put("key", key);
            out.putAll(MessageKeys.of(p.message(), key == null ? "invalid" : key).json());
            return out;
        }).toList();
    }
}

package io.tracemark.web;

import io.tracemark.core.Problem;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Classifies problem messages into a few stable keys ({@code required}, {@code unknown}, {@code format},
 * {@code range}, {@code codes}) so the panel can show them in the user's language; the original
 * message goes along for the specifics.
 */
final class ProblemKeys {

    private static final Map<String, Pattern> KEYS = new LinkedHashMap<>();

    /** Messages with a key of their own and parameters taken from the message (named in order). */
    private record Keyed(String key, Pattern pattern, List<String> params) {
    }

    private static final List<Keyed> EXACT = List.of(
            new Keyed("pinLength", Pattern.compile("^PIN must be (\\d+)-(\\d+) digits(?: for the role (\\w+))?$"),
                    List.of("min", "max", "role")),
            new Keyed("pinWrong", Pattern.compile("^the current PIN is wrong$"), List.of()),
            new Keyed("pinSame", Pattern.compile("^the new PIN must differ from the current one$"), List.of()),
            new Keyed("control", Pattern.compile("^contains the control character (U\\+[0-9A-F]{4}) at position (\\d+)$"),
                    List.of("char", "position")),
            new Keyed("bodyTrailing", Pattern.compile("^the body has more after its JSON object$"), List.of()),
            new Keyed("bodyDuplicate", Pattern.compile("^the key '(.*)' appears twice in the body$"), List.of("key")),
            new Keyed("bodyNotJson", Pattern.compile("^the body is not JSON: (.*)$"), List.of("detail")),
            new Keyed("bodyNotObject", Pattern.compile("^the body must be a JSON object$"), List.of()),
            new Keyed("boxSmall", Pattern.compile("^the box must be at least (\\d+) pixels a side, was (\\d+)×(\\d+)$"),
                    List.of("min", "width", "height")),
            new Keyed("boxOutside", Pattern.compile("^the box x=(-?\\d+) y=(-?\\d+) w=(\\d+) h=(\\d+) is not inside the "
                    + "(\\d+)×(\\d+) frame$"), List.of("x", "y", "width", "height", "frameWidth", "frameHeight")),
            new Keyed("boxInDevice", Pattern.compile("^scanner '(.*)' decodes in the device: set its code box on the "
                    + "reader itself$"), List.of("scanner")));

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
        for (Keyed keyed : EXACT) {
            if (keyed.pattern().matcher(message).matches()) {
                return keyed.key();
            }
        }
        for (Map.Entry<String, Pattern> entry : KEYS.entrySet()) {
            if (entry.getValue().matcher(message).find()) {
                return entry.getKey();
            }
        }
        return null;
    }

    /** The parameters of a message with a key of its own; empty for any other. */
    static Map<String, String> paramsOf(String message) {
        Map<String, String> params = new LinkedHashMap<>();
        for (Keyed keyed : EXACT) {
            Matcher m = keyed.pattern().matcher(message);
            if (m.matches()) {
                for (int i = 0; i < keyed.params().size(); i++) {
                    if (m.group(i + 1) != null) {
                        params.put(keyed.params().get(i), m.group(i + 1));
                    }
                }
                return params;
            }
        }
        return params;
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
            MessageKeys.Keyed keyed = MessageKeys.of(p.message(), key == null ? "invalid" : key);
            Map<String, String> params = paramsOf(p.message());
            if (keyed.params().isEmpty() && !params.isEmpty()) {
                keyed = new MessageKeys.Keyed(keyed.key(), params);
            }
            out.putAll(keyed.json());
            return out;
        }).toList();
    }
}

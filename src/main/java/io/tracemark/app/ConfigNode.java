package io.tracemark.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.tracemark.core.Problem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * A view of one YAML mapping that reads typed values, remembers which keys were read, and collects
 * every problem (with the key's full path) instead of stopping at the first. HikariConfig-style:
 * read everything, report everything, then freeze into records.
 */
final class ConfigNode {

    private final JsonNode node;
    private final String path;
    private final List<Problem> problems;
    private final Set<String> read = new HashSet<>();

    ConfigNode(JsonNode node, String path, List<Problem> problems) {
        this.node = node == null ? MissingNode.getInstance() : node;
        this.path = path;
        this.problems = problems;
        if (!this.node.isMissingNode() && !this.node.isNull() && !this.node.isObject()) {
            problem("", "must be a mapping of keys to values");
        }
    }

    boolean isPresent() {
        return node.isObject();
    }

    String path(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    void problem(String key, String message) {
        problems.add(new Problem(key.isEmpty() ? path : path(key), message));
    }

    String string(String key, String fallback) {
        JsonNode value = take(key);
        if (value == null) {
            return fallback;
        }
        if (!value.isValueNode() || value.isNull()) {
            problem(key, "must be a text value");
            return fallback;
        }
        return value.asText();
    }

    String requiredString(String key) {
        String value = string(key, null);
        if (value == null && node.get(key) == null) {
            problem(key, "is required");
        } else if (value != null && value.isBlank()) {
            problem(key, "must not be empty");
        }
        return value;
    }

    int integer(String key, int fallback, int min, int max) {
        JsonNode value = take(key);
        if (value == null) {
            return fallback;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            problem(key, "must be a whole number from " + min + " to " + max + ", was '" + value.asText() + "'");
            return fallback;
        }
        int number = value.asInt();
        if (number < min || number > max) {
            problem(key, "must be from " + min + " to " + max + ", was " + number);
            return fallback;
        }
        return number;
    }

    double number(String key, double fallback, double min, double max) {
        JsonNode value = take(key);
        if (value == null) {
            return fallback;
        }
        if (!value.isNumber()) {
            problem(key, "must be a number from " + min + " to " + max + ", was '" + value.asText() + "'");
            return fallback;
        }
        double number = value.asDouble();
        if (number < min || number > max) {
            problem(key, "must be from " + min + " to " + max + ", was " + number);
            return fallback;
        }
        return number;
    }

    boolean bool(String key, boolean fallback) {
        JsonNode value = take(key);
        if (value == null) {
            return fallback;
        }
        if (!value.isBoolean()) {
            problem(key, "must be true or false, was '" + value.asText() + "'");
            return fallback;
        }
        return value.asBoolean();
    }

    <E extends Enum<E>> E enumValue(String key, Class<E> type, E fallback) {
        String text = string(key, null);
        if (text == null) {
            return fallback;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.replace('-', '_'))) {
                return constant;
            }
        }
        problem(key, "must be one of " + names(type) + ", was '" + text + "'");
        return fallback;
    }

    URI uri(String key, boolean required) {
        String text = required ? requiredString(key) : string(key, null);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(text);
            if (uri.getScheme() == null) {
                problem(key, "must be a URI with a scheme (tcp://, serial://, sim://, http://), was '" + text + "'");
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            problem(key, "is not a valid URI: " + e.getMessage());
            return null;
        }
    }

    ConfigNode child(String key) {
        JsonNode value = take(key);
        return new ConfigNode(value, path(key), problems);
    }

    <T> List<T> list(String key, Function<ConfigNode, T> reader) {
        JsonNode value = take(key);
        List<T> items = new ArrayList<>();
        if (value == null || value.isNull()) {
            return items;
        }
        if (!value.isArray()) {
            problem(key, "must be a list");
            return items;
        }
        for (int i = 0; i < value.size(); i++) {
            ConfigNode item = new ConfigNode(value.get(i), path(key) + "[" + i + "]", problems);
            items.add(reader.apply(item));
            item.rejectUnknownKeys();
        }
        return items;
    }

    /** Every key present but never read is a problem: a typo must not be silently ignored. */
    void rejectUnknownKeys() {
        if (!node.isObject()) {
            return;
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!read.contains(name)) {
                problem(name, "unknown key");
            }
        }
    }

    private JsonNode take(String key) {
        read.add(key);
        JsonNode value = node.get(key);
        return value == null || value.isMissingNode() ? null : value;
    }

    private static <E extends Enum<E>> String names(Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E constant : type.getEnumConstants()) {
            names.add(constant.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
        return String.join(", ", names);
    }
}

package io.tracemark.printer;

import com.fasterxml.jackson.databind.JsonNode;
import io.tracemark.core.Problem;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads typed values out of a YAML tree, noting every problem with its key path instead of stopping
 * at the first (so a profile's author fixes them all at once).
 */
final class ProfileReader {

    private final List<Problem> problems = new ArrayList<>();

    List<Problem> problems() {
        return problems;
    }

    void problem(String path, String message) {
        problems.add(new Problem(path, message));
    }

    /** Notes every key of {@code node} not in {@code known}. */
    void onlyKeys(JsonNode node, String path, Set<String> known) {
        if (node == null || !node.isObject()) {
            return;
        }
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String key = names.next();
            if (!known.contains(key)) {
                problem(join(path, key), "unknown key; known keys here: " + known.stream().sorted().toList());
            }
        }
    }

    JsonNode object(JsonNode parent, String path, String key) {
        JsonNode node = parent.get(key);
        if (node == null || !node.isObject()) {
            problem(join(path, key), node == null ? "missing" : "expected a mapping of keys");
            return null;
        }
        return node;
    }

    String text(JsonNode parent, String path, String key, String fallback) {
        JsonNode node = parent == null ? null : parent.get(key);
        if (node == null || node.isNull()) {
            if (fallback == null) {
                problem(join(path, key), "missing");
                return "";
            }
            return fallback;
        }
        if (!node.isValueNode() || node.isBoolean()) {
            problem(join(path, key), "expected text");
            return "";
        }
        return node.asText();
    }

    int integer(JsonNode parent, String path, String key, Integer fallback) {
        JsonNode node = parent == null ? null : parent.get(key);
        if (node == null || node.isNull()) {
            if (fallback == null) {
                problem(join(path, key), "missing");
                return 0;
            }
            return fallback;
        }
        if (!node.isIntegralNumber()) {
            problem(join(path, key), "'" + node.asText() + "' is not a whole number");
            return 0;
        }
        return node.asInt();
    }

    double number(JsonNode parent, String path, String key) {
        JsonNode node = parent == null ? null : parent.get(key);
        if (node == null || node.isNull()) {
            problem(join(path, key), "missing");
            return 0;
        }
        if (!node.isNumber()) {
            problem(join(path, key), "'" + node.asText() + "' is not a number");
            return 0;
        }
        return node.asDouble();
    }

    boolean bool(JsonNode parent, String path, String key, boolean fallback) {
        JsonNode node = parent == null ? null : parent.get(key);
        if (node == null || node.isNull()) {
            return fallback;
        }
        if (!node.isBoolean()) {
            problem(join(path, key), "'" + node.asText() + "' is not true or false");
            return fallback;
        }
        return node.asBoolean();
    }

    void range(String path, double value, double min, double max, String unit) {
        if (value < min || value > max) {
            problem(path, fmt(value) + unit + " is outside " + fmt(min) + ".." + fmt(max) + unit);
        }
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    static String fmt(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}

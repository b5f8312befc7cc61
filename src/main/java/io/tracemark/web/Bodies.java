package io.tracemark.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.javalin.http.Context;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads request bodies as JSON objects, strictly: one object and nothing after it (what
 * {@code FAIL_ON_TRAILING_TOKENS} checks, and also trailing text that is no JSON at all), every key
 * once ({@code STRICT_DUPLICATE_DETECTION}).
 * A body that says two things ({@code {"pin":"1","pin":"2"}}, {@code {...}garbage}) is refused rather
 * than read one way here and another way by a proxy or a log.
 */
final class Bodies {

    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

    private Bodies() {
    }

    /** The body as a JSON object; an empty body is an empty object. */
    static JsonNode object(Context ctx) {
        String body = ctx.body();
        if (body.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        JsonNode node;
        try (JsonParser parser = PanelJson.MAPPER.getFactory().createParser(body)) {
            parser.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
            node = PanelJson.MAPPER.readTree(parser);
            refuseTrailing(parser);
        } catch (JsonProcessingException e) {
            Matcher duplicate = DUPLICATE.matcher(e.getOriginalMessage());
            if (duplicate.find()) {
                throw new InvalidInputException("request body", List.of(new Problem(duplicate.group(1),
                        "the key '" + duplicate.group(1) + "' appears twice in the body")));
            }
            throw refused("the body is not JSON: " + e.getOriginalMessage());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the request body", e);
        }
        if (node != null && node.isObject()) {
            return node;
        }
        throw refused("the body must be a JSON object");
    }

    /**
     * A text field, stripped; null when absent or blank. Control characters other than tab and line
     * breaks are refused.
     */
    static String text(JsonNode body, String field) {
        String value = raw(body, field);
        if (value == null) {
            return null;
        }
        refuseControls(field, value, true);
        value = value.strip();
        return value.isEmpty() ? null : value;
    }

    /**
     * A field taken exactly as sent (a PIN, a user id): not stripped, and any control character,
     * tab and line breaks included, is refused; null when absent or empty.
     */
    static String exact(JsonNode body, String field) {
        String value = raw(body, field);
        if (value == null) {
            return null;
        }
        refuseControls(field, value, false);
        return value.isEmpty() ? null : value;
    }

    private static String raw(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        return node.asText();
    }

    private static void refuseControls(String field, String value, boolean linesAllowed) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean allowed = linesAllowed && (c == '\t' || c == '\n' || c == '\r');
            if (Character.isISOControl(c) && !allowed) {
                throw new InvalidInputException("request body", List.of(new Problem(field,
                        String.format("contains the control character U+%04X at position %d", (int) c, i + 1))));
            }
        }
    }

    /** Anything after the first value, even what is no JSON at all, is trailing content. */
    private static void refuseTrailing(JsonParser parser) {
        boolean more;
        try {
            more = parser.nextToken() != null;
        } catch (java.io.IOException e) {
            more = true;
        }
        if (more) {
            throw refused("the body has more after its JSON object");
        }
    }

    private static InvalidInputException refused(String why) {
        return new InvalidInputException("request body", List.of(new Problem("", why)));
    }
}

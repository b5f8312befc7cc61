package io.tracemark.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.javalin.http.Context;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import java.util.List;

/** Reads request bodies as JSON objects; anything else is invalid input. */
final class Bodies {

    private Bodies() {
    }

    /** The body as a JSON object; an empty body is an empty object. */
    static JsonNode object(Context ctx) {
        String body = ctx.body();
        if (body.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            JsonNode node = PanelJson.MAPPER.readTree(body);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            throw new InvalidInputException("request body", List.of(new Problem("",
                    "the body is not JSON: " + e.getOriginalMessage())));
        }
        throw new InvalidInputException("request body", List.of(new Problem("", "the body must be a JSON object")));
    }

    /** A text field, stripped; null when absent or blank. */
    static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String value = node.asText().strip();
        return value.isEmpty() ? null : value;
    }
}

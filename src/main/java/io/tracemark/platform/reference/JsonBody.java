package io.tracemark.platform.reference;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.javalin.http.Context;
import io.tracemark.platform.PlatformJson;
import io.tracemark.platform.wire.FieldProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a request body as a contract record; a bad body is a 400 naming the field at fault with a
 * message for people (what was expected there), never the JSON parser's own wording.
 */
public final class JsonBody {

    private JsonBody() {
    }

    public static <T> T read(Context ctx, Class<T> type) {
        String body = ctx.body();
        if (body.isBlank()) {
            throw ApiException.badRequest("body", "a JSON " + type.getSimpleName() + " is required");
        }
        try {
            T value = PlatformJson.mapper().readValue(body, type);
            if (value == null) {
                throw ApiException.badRequest("body", "a JSON " + type.getSimpleName() + " is required, not null");
            }
            return value;
        } catch (JsonParseException e) {
            throw notJson(e);
        } catch (JsonMappingException e) {
            if (e.getCause() instanceof JsonParseException p) {
                throw notJson(p); // broken JSON met while mapping a field
            }
            String field = field(e);
            String message = expected(e);
            throw new ApiException(400, "bad " + type.getSimpleName() + ": " + field + ": " + message,
                    List.of(new FieldProblem(field, message)));
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("body", "not valid JSON");
        }
    }

    private static ApiException notJson(JsonParseException e) {
        return ApiException.badRequest("body", "not valid JSON (line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr() + ")");
    }

    private static String field(JsonMappingException e) {
        String field = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
        return field.isEmpty() ? "body" : field;
    }

    /** What the field needed, in words. */
    private static String expected(JsonMappingException e) {
        if (e instanceof InvalidFormatException f) {
            return "'" + f.getValue() + "' is not " + kind(f.getTargetType());
        }
        if (e instanceof MismatchedInputException m) {
            return m.getMessage().contains("null") ? "required: " + kind(m.getTargetType())
                    : "must be " + kind(m.getTargetType());
        }
        if (e instanceof ValueInstantiationException v && v.getCause() != null
                && v.getCause().getMessage() != null) {
            return v.getCause().getMessage();
        }
        org.slf4j.LoggerFactory.getLogger(JsonBody.class).debug("unexpected mapping failure", e);
        return "not the expected value";
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "the expected value";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(Object::toString)
                    .collect(Collectors.joining(", "));
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            return "a whole number";
        }
        if (type == double.class || type == Double.class) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text";
        }
        if (type == Instant.class) {
            return "a time in ISO-8601 UTC, e.g. 2025-06-01T08:30:00Z";
        }
        if (type == LocalDate.class) {
            return "a day, YYYY-MM-DD";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "an object";
        }
        return "a " + type.getSimpleName();
    }
}

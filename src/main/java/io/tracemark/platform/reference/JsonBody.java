package io.tracemark.platform.reference;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import io.javalin.http.Context;
import io.tracemark.platform.PlatformJson;
import io.tracemark.platform.wire.FieldProblem;
import java.util.List;
import java.util.stream.Collectors;

/** Reads a request body as a contract record; a bad body is a 400 naming the field at fault. */
final class JsonBody {

    private JsonBody() {
    }

    static <T> T read(Context ctx, Class<T> type) {
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
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            throw new ApiException(400, "bad " + type.getSimpleName() + ": " + e.getOriginalMessage(),
                    List.of(new FieldProblem(field.isEmpty() ? "body" : field, e.getOriginalMessage())));
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("body", "not JSON: " + e.getOriginalMessage());
        }
    }
}

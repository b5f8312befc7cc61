package io.tracemark.web;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.tracemark.core.DeviceException;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.core.StorageException;
import io.tracemark.core.TracemarkException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place exceptions become HTTP answers: invalid input 400 (every problem by field), not signed
 * in 401, wrong role or cross-site 403, unknown thing 404, state does not allow it 409, sign-in locked
 * 429, device failure or too many sign-ins at once 503, anything else 500 (logged here, once). A refusal
 * carries {@code Retry-After} when trying again later helps, and its key's parameters under {@code params}.
 */
final class PanelErrors {

    private static final Logger LOG = LoggerFactory.getLogger(PanelErrors.class);

    private PanelErrors() {
    }

    static void register(Javalin app) {
        app.exception(InvalidInputException.class, (e, ctx) ->
                answer(ctx, 400, "invalid", e.getMessage(), e.problems()));
        app.exception(AccessRefusedException.class, PanelErrors::refused);
        app.exception(NotFoundException.class, (e, ctx) -> answer(ctx, 404, "notFound", e.getMessage(), null));
        app.exception(DeviceException.class, (e, ctx) -> {
            LOG.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
            answer(ctx, 503, "device", e.getMessage(), null);
        });
        app.exception(StorageException.class, (e, ctx) -> internal(ctx, e));
        app.exception(TracemarkException.class, (e, ctx) -> answer(ctx, 409, "state", e.getMessage(), null));
        app.exception(HttpResponseException.class, (e, ctx) ->
                answer(ctx, e.getStatus(), "http", e.getMessage(), null));
        app.exception(Exception.class, (e, ctx) -> internal(ctx, e));
    }

    private static void refused(AccessRefusedException e, Context ctx) {
        if (e.retryAfterSeconds() > 0) {
            ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
        }
        Map<String, Object> body = body(e.key(), e.getMessage(), null);
        body.put("messageKey", e.key());
        body.put("params", e.retryAfterSeconds() > 0
                ? Map.of("seconds", Long.toString(e.retryAfterSeconds())) : Map.of());
        if (e.retryAfterSeconds() > 0) {
            body.put("retryAfterSeconds", e.retryAfterSeconds());
        }
        if (!e.params().isEmpty()) {
            body.put("params", e.params());
        }
        ctx.status(e.status()).json(body);
    }

    private static void internal(Context ctx, Exception e) {
        LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
        answer(ctx, 500, "internal", "internal error: " + e.getMessage() + " (see the station log)", null);
    }

    private static void answer(Context ctx, int status, String key, String message, List<Problem> problems) {
        ctx.status(status).json(body(key, message, problems));
    }

    private static Map<String, Object> body(String key, String message, List<Problem> problems) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        body.put("key", key);
        body.putAll(MessageKeys.of(message, key).json());
        if (problems != null) {
            body.put("problems", MessageKeys.problemsJson(problems));
        }
        return body;
    }
}

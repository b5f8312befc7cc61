package io.tracemark.platform.reference;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.HttpStatus;
import io.tracemark.platform.wire.ApiError;
import io.tracemark.platform.wire.FieldProblem;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every error the reference platform answers, in one place and in the contract's {@link ApiError}
 * shape: refusals of the contract ({@link ApiException}), Javalin's own (413 for an oversized body,
 * 405, …), unknown routes and unexpected failures, each with a message for people. Internals (stack
 * traces, parser wording) go to the log, never to the station.
 */
public final class ErrorReplies {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorReplies.class);

    private final long maxBodyBytes;

    public ErrorReplies(long maxBodyBytes) {
        this.maxBodyBytes = maxBodyBytes;
    }

    public void register(Javalin app) {
        app.exception(ApiException.class, (e, ctx) -> ctx.status(e.status()).json(e.body()));
        app.exception(HttpResponseException.class, (e, ctx) -> {
            ApiError body = fromJavalin(e.getStatus(), ctx.method().name(), ctx.path());
            ctx.status(body.status()).json(body);
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("reference platform: {} {} failed", ctx.method(), ctx.path(), e);
            ctx.status(500).json(new ApiError(500, "internal error of the platform while handling " + ctx.method()
                    + " " + ctx.path() + "; it is logged there, retrying later may help", List.of()));
        });
        app.error(404, ctx -> {
            if (ctx.result() == null) {
                ctx.json(new ApiError(404, "no route " + ctx.method() + " " + ctx.path(), List.of()));
            }
        });
    }

    private ApiError fromJavalin(int status, String method, String path) {
        if (status == HttpStatus.CONTENT_TOO_LARGE.getCode()) {
            return new ApiError(413, "request body larger than " + maxBodyBytes + " bytes; send fewer events per"
                    + " batch (at most " + io.tracemark.platform.wire.EventBatch.MAX_EVENTS + ")",
                    List.of(new FieldProblem("body", "larger than " + maxBodyBytes + " bytes")));
        }
        HttpStatus known = HttpStatus.forStatus(status);
        String what = known == HttpStatus.UNKNOWN ? "HTTP " + status : known.getMessage().toLowerCase(java.util.Locale.ROOT);
        return new ApiError(status, what + ": " + method + " " + path, List.of());
    }
}

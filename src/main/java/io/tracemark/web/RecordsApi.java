package io.tracemark.web;

import io.javalin.http.Context;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.line.LineControl;
import io.tracemark.line.RejectFilter;
import java.util.List;
import java.util.Optional;

/** Units by code, the reject log, images, products and the code pool. */
final class RecordsApi {

    private static final int MAX_REASON = 200;

    private final LineControl line;
    private final UnitLookup units;

    RecordsApi(LineControl line, UnitLookup units) {
        this.line = line;
        this.units = units;
    }

    void unit(Context ctx) {
        String code = ctx.pathParam("code");
        ctx.json(units.unit(code).orElseThrow(() -> new NotFoundException("code " + code)));
    }

    /** POST /units/{code}/void {reason}. */
    void voidUnit(Context ctx) {
        String code = ctx.pathParam("code");
        String reason = Bodies.text(Bodies.object(ctx), "reason");
        if (reason == null || reason.length() > MAX_REASON) {
            throw new InvalidInputException("void " + code, List.of(new Problem("reason",
                    "a reason is required (at most " + MAX_REASON + " characters)")));
        }
        line.voidUnit(code, reason, LineApi.actor(ctx));
        ctx.status(204);
    }

    /** GET /rejects?reason=&code=&job=&limit= (limit 1-1000, default 100). */
    void rejects(Context ctx) {
        int limit = limit(ctx, 100, 1000);
        ctx.json(line.rejects(new RejectFilter(blankToNull(ctx.queryParam("job")),
                blankToNull(ctx.queryParam("reason")), blankToNull(ctx.queryParam("code")), limit)));
    }

    void rejectImage(Context ctx) {
        long unitId = LineApi.pathLong(ctx, "unitId");
        png(ctx, line.rejectImage(unitId), "image of rejected unit " + unitId);
    }

    void lastLabel(Context ctx) {
        png(ctx, line.lastLabelImage(), "last label image");
    }

    void lastFrame(Context ctx) {
        png(ctx, line.lastFrameImage(), "last camera frame");
    }

    void products(Context ctx) {
        ctx.json(line.setupOptions().products());
    }

    void pool(Context ctx) {
        ctx.json(units.pool());
    }

    /** The query parameter {@code limit}, from 1 to {@code max}; {@code fallback} when absent. */
    static int limit(Context ctx, int fallback, int max) {
        String limitText = ctx.queryParam("limit");
        if (limitText == null || limitText.isBlank()) {
            return fallback;
        }
        try {
            int limit = Integer.parseInt(limitText.strip());
            if (limit < 1 || limit > max) {
                throw new InvalidInputException("limit", List.of(new Problem("limit",
                        "limit must be between 1 and " + max + ", was " + limit)));
            }
            return limit;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("limit", List.of(new Problem("limit", "not a whole number: '" + limitText + "'")));
        }
    }

    private static void png(Context ctx, Optional<byte[]> image, String what) {
        byte[] bytes = image.orElseThrow(() -> new NotFoundException(what));
        ctx.header("Cache-Control", "no-store").contentType("image/png").result(bytes);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

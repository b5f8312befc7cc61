package io.tracemark.web;

import io.javalin.http.Context;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.line.LineControl;
import io.tracemark.ledger.RejectCursor;
import io.tracemark.ledger.RejectQuery;
import io.tracemark.line.RejectFilter;
import io.tracemark.line.RejectPage;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Units by code, the reject log, images, products and the code pool. */
final class RecordsApi {

    private static final int MAX_REASON = 200;
    private static final java.util.regex.Pattern CURSOR = java.util.regex.Pattern.compile("(\\d{1,15})-(\\d{1,18})");

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

    /**
     * GET /rejects?job=&reason=&code=&from=&to=&after=&limit= (limit 1-1000, default 100): one page of the
     * reject log, newest first, with the total the filter matches, the counts per reason for the job and
     * period, and {@code next}, the {@code after} of the following page (null on the last page).
     */
    void rejects(Context ctx) {
        int limit = limit(ctx, 100, 1000);
        RejectQuery query = new RejectQuery(blankToNull(ctx.queryParam("job")), blankToNull(ctx.queryParam("reason")),
                blankToNull(ctx.queryParam("code")), instant(ctx, "from"), instant(ctx, "to"));
        RejectPage page = line.rejects(new RejectFilter(query, cursor(ctx), limit));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("rows", page.rows());
        out.put("total", page.total());
        out.put("reasons", page.reasons().entrySet().stream()
                .map(e -> Map.of("reason", e.getKey(), "count", e.getValue())).toList());
        out.put("next", page.next() == null ? null : page.next().verdictAt().toEpochMilli() + "-" + page.next().unitId());
        ctx.json(out);
    }

    /** The query parameter {@code after}: "{verdict time in epoch ms}-{unit id}" as a page's {@code next} gave it. */
    private static RejectCursor cursor(Context ctx) {
        String text = blankToNull(ctx.queryParam("after"));
        if (text == null) {
            return null;
        }
        java.util.regex.Matcher m = CURSOR.matcher(text);
        if (!m.matches()) {
            throw new InvalidInputException("after", List.of(new Problem("after",
                    "not a page cursor: '" + text + "', expected the next of the page before")));
        }
        return new RejectCursor(Instant.ofEpochMilli(Long.parseLong(m.group(1))), Long.parseLong(m.group(2)));
    }

    private static Instant instant(Context ctx, String name) {
        String text = blankToNull(ctx.queryParam(name));
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, List.of(new Problem(name,
                    "not a time: '" + text + "', expected an ISO-8601 time such as 2026-12-02T00:00:00Z")));
        }
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

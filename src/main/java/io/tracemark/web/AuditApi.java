package io.tracemark.web;

import io.javalin.http.Context;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.records.audit.AuditFilter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** {@code GET /audit/entries} and {@code GET /audit/verify}: the audit trail for supervisors. */
final class AuditApi {

    private final AuditRecords records;

    AuditApi(AuditRecords records) {
        this.records = records;
    }

    /** GET /audit/entries?from=&to=&actor=&action=&text=&before=&limit= (limit 1-500, default 100). */
    void entries(Context ctx) {
        List<Problem> problems = new ArrayList<>();
        Instant from = time(ctx, "from", problems);
        Instant to = time(ctx, "to", problems);
        long before = number(ctx, "before", 0, Long.MAX_VALUE, 0, problems);
        int limit = (int) number(ctx, "limit", 1, AuditFilter.MAX_LIMIT, 100, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("audit filter", problems);
        }
        ctx.json(records.entries(new AuditFilter(from, to, text(ctx, "actor"), text(ctx, "action"), text(ctx, "text"),
                before, limit)));
    }

    /** GET /audit/verify?from= : the first broken entry, if any. */
    void verify(Context ctx) {
        List<Problem> problems = new ArrayList<>();
        Instant from = time(ctx, "from", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("audit verify", problems);
        }
        ctx.json(records.verify(from));
    }

    private static String text(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant time(Context ctx, String name, List<Problem> problems) {
        String value = text(ctx, name);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new Problem(name, "not a time (e.g. 2026-12-01T08:00:00Z): '" + value + "'"));
            return null;
        }
    }

    private static long number(Context ctx, String name, long min, long max, long otherwise, List<Problem> problems) {
        String value = text(ctx, name);
        if (value == null) {
            return otherwise;
        }
        try {
            long n = Long.parseLong(value);
            if (n < min || n > max) {
                problems.add(new Problem(name, name + " must be between " + min + " and " + max + ", was " + n));
            }
            return n;
        } catch (NumberFormatException e) {
            problems.add(new Problem(name, "not a whole number: '" + value + "'"));
            return otherwise;
        }
    }
}

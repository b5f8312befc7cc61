package io.tracemark.web;

import io.javalin.http.Context;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.ledger.VerdictMinute;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * GET /trends?hours= (1–24, default 8, a shift): rate, yield and reject causes per minute, from the
 * ledger's verdicts. A minute that is over never changes, so the minutes read once are kept and only
 * the minutes since are asked of the ledger again: a panel refreshing its chart costs one small query.
 */
final class TrendsApi {

    static final int MAX_HOURS = 24;
    private static final long MINUTE = 60_000;

    private final UnitLookup units;
    private final Clock clock;
    /** Minutes that are over, by their start (epoch minute); guarded by this. */
    private final TreeMap<Long, VerdictMinute> past = new TreeMap<>();
    /** The minutes from {@code readFrom} up to (not with) {@code readUpTo} are in {@link #past}; -1: none read. */
    private long readFrom = -1;
    private long readUpTo = -1;

    TrendsApi(UnitLookup units, Clock clock) {
        this.units = units;
        this.clock = clock;
    }

    void trends(Context ctx) {
        int hours = hours(ctx.queryParam("hours"));
        ctx.json(trends(hours));
    }

    Map<String, Object> trends(int hours) {
        long now = clock.millis();
        long current = now / MINUTE;
        long first = current - hours * 60L + 1;
        Map<Long, VerdictMinute> minutes = minutes(first, current, now);
        List<Map<String, Object>> rows = new ArrayList<>();
        TreeSet<String> reasons = new TreeSet<>();
        long verified = 0;
        long rejected = 0;
        for (long m = first; m <= current; m++) {
            VerdictMinute v = minutes.get(m);
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("t", m * 60);
            long ok = v == null ? 0 : v.verified();
            long bad = v == null ? 0 : v.rejected();
            row.put("verified", ok);
            row.put("rejected", bad);
            row.put("voided", v == null ? 0 : v.voided());
            row.put("rate", ok + bad);
            row.put("yield", ok + bad == 0 ? null : Math.round(ok * 1000.0 / (ok + bad)) / 10.0);
            row.put("reasons", v == null ? Map.of() : v.rejectsByReason());
            if (v != null) {
                reasons.addAll(v.rejectsByReason().keySet());
            }
            verified += ok;
            rejected += bad;
            rows.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("from", Instant.ofEpochMilli(first * MINUTE).toString());
        out.put("to", Instant.ofEpochMilli(now).toString());
        out.put("hours", hours);
        out.put("verified", verified);
        out.put("rejected", rejected);
        out.put("yield", verified + rejected == 0 ? null : Math.round(verified * 1000.0 / (verified + rejected)) / 10.0);
        out.put("reasons", List.copyOf(reasons));
        out.put("minutes", rows);
        return out;
    }

    /**
     * The minutes from {@code first} to {@code current} (epoch minutes): those kept, the rest read. The
     * minute before the current one is read again too: a verdict judged at its end may be committed
     * just after it (group commit).
     */
    private synchronized Map<Long, VerdictMinute> minutes(long first, long current, long now) {
        boolean covered = readUpTo >= 0 && first >= readFrom;
        if (!covered) {
            past.clear();
            readFrom = first;
        }
        long from = covered ? Math.max(first, readUpTo) : first;
        Map<Long, VerdictMinute> fresh = new TreeMap<>();
        for (VerdictMinute v : units.verdictsByMinute(Instant.ofEpochMilli(from * MINUTE), Instant.ofEpochMilli(now + 1))) {
            long m = v.minute().toEpochMilli() / MINUTE;
            fresh.put(m, v);
            if (m < current - 1) {
                past.put(m, v);
            }
        }
        readUpTo = current - 1;
        past.headMap(current - MAX_HOURS * 60L).clear();
        readFrom = Math.max(readFrom, current - MAX_HOURS * 60L);
        Map<Long, VerdictMinute> out = new TreeMap<>(past.subMap(first, true, current, true));
        out.putAll(fresh);
        return out;
    }

    private static int hours(String text) {
        if (text == null || text.isBlank()) {
            return 8;
        }
        try {
            int hours = Integer.parseInt(text.strip());
            if (hours < 1 || hours > MAX_HOURS) {
                throw new InvalidInputException("trends", List.of(new Problem("hours", "hours must be between 1 and "
                        + MAX_HOURS + ", was " + hours)));
            }
            return hours;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("trends", List.of(new Problem("hours", "not a whole number: '" + text + "'")));
        }
    }
}

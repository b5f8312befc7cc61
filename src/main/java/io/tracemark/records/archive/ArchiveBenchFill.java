package io.tracemark.records.archive;

import io.tracemark.core.TraceLevel;
import io.tracemark.ledger.AllocatedCode;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.Unit;
import io.tracemark.store.Database;
import io.tracemark.store.GroupCommit;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * {@code bench archive}'s station database: one job of up to {@value #JOB_UNITS} units run through the real
 * ledger (codes imported, each unit SENT and VERIFIED) in a month long past, then copied row for row as
 * further jobs (new codes, units and transitions with ids past the template's) until the units asked for
 * exist, spread over one month per million units so that the archive writes monthly files as a station
 * would. The copies are made in SQL: running ten million units through the ledger would take hours.
 */
public final class ArchiveBenchFill {

    static final int JOB_UNITS = 10_000;
    private static final int COPIES_PER_TRANSACTION = 10;
    private static final int BLOCK = 200;

    private ArchiveBenchFill() {
    }

    /** Fills {@code data} with {@code units} units of finished jobs ended months ago; returns the jobs made. */
    public static int fill(Path data, long units) {
        int template = (int) Math.min(JOB_UNITS, units);
        int jobs = (int) ((units + template - 1) / template);
        int months = (int) Math.max(1, (units + 999_999) / 1_000_000);
        Instant first = YearMonth.now(ZoneOffset.UTC).minusMonths(months + 24L).atDay(2).atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        try (Database db = Database.open(data); GroupCommit group = new GroupCommit(db)) {
            CodeLedger ledger = new CodeLedger(db, group, Clock.fixed(first, ZoneOffset.UTC));
            List<String> codes = new ArrayList<>(template);
            for (int i = 0; i < template; i++) {
                codes.add(String.format("BA%010d", i));
            }
            ledger.importCodes(codes, "bench archive", "bench", code -> java.util.Optional.empty(), "bench");
            ledger.createJob(job(0), TraceLevel.ITEM, template, "bench");
            for (int done = 0; done < template; done += BLOCK) {
                List<String> block = ledger.allocate(job(0), Math.min(BLOCK, template - done), "bench").stream()
                        .map(AllocatedCode::code).toList();
                List<CompletableFuture<Unit>> verdicts = new ArrayList<>();
                for (Unit unit : ledger.markSent(job(0), block, "bench")) {
                    verdicts.add(ledger.verifyLater(unit.id(), "A", "bench"));
                }
                verdicts.forEach(CompletableFuture::join);
            }
            ledger.releaseUnused(job(0), "bench");
            // the bench's jobs were never on a platform: nothing of theirs is owed to one
            db.inTransaction(conn -> conn.createStatement().executeUpdate("UPDATE outbox SET sent_at = 0 WHERE sent_at IS NULL"));
            long maxCode = db.count("SELECT max(id) FROM codes");
            long maxUnit = db.count("SELECT max(id) FROM units");
            long maxTransition = db.count("SELECT max(id) FROM transitions");
            for (int k = 1; k < jobs; k += COPIES_PER_TRANSACTION) {
                int from = k;
                int to = Math.min(jobs, k + COPIES_PER_TRANSACTION);
                db.inTransaction(conn -> {
                    for (int copy = from; copy < to; copy++) {
                        long shift = Duration.ofDays(30).toMillis() * ((long) copy * months / jobs);
                        copy(conn, copy, shift, maxCode, maxUnit, maxTransition);
                    }
                    return null;
                });
            }
            db.checkpoint();
        }
        return jobs;
    }

    private static void copy(java.sql.Connection conn, int k, long shift, long maxCode, long maxUnit, long maxTransition)
            throws java.sql.SQLException {
        String id = job(k);
        String[] statements = {
            "INSERT INTO jobs (id, trace_level, quantity, state, created_at, ended_at, released_units) SELECT ?1, trace_level,"
                + " quantity, state, created_at + ?2, ended_at + ?2, released_units FROM jobs WHERE id = '" + job(0) + "'",
            "INSERT INTO codes (id, code, scheme, package_id, state, job_id, updated_at) SELECT id + ?3, printf('B%05d', ?4)"
                + " || code, scheme, package_id, state, CASE WHEN job_id IS NULL THEN NULL ELSE ?1 END, updated_at + ?2"
                + " FROM codes WHERE id <= ?5",
            "INSERT INTO units (id, job_id, code_id, seq, state, reason, grade, sent_at, verdict_at) SELECT id + ?6, ?1,"
                + " code_id + ?3, seq, state, reason, grade, sent_at + ?2, verdict_at + ?2 FROM units WHERE id <= ?7",
            "INSERT INTO transitions (id, code_id, unit_id, from_state, to_state, job_id, actor, reason, at) SELECT id + ?8,"
                + " code_id + ?3, unit_id + ?6, from_state, to_state, CASE WHEN job_id IS NULL THEN NULL ELSE ?1 END, actor,"
                + " reason, at + ?2 FROM transitions WHERE id <= ?9",
        };
        for (String sql : statements) {
            Object[] values = {id, shift, maxCode * k, k, maxCode, maxUnit * k, maxUnit, maxTransition * k, maxTransition};
            try (PreparedStatement ps = conn.prepareStatement(sql)) {
                int used = ps.getParameterMetaData().getParameterCount(); // the highest ?N the statement names
                for (int i = 0; i < used; i++) {
                    ps.setObject(i + 1, values[i]);
                }
                ps.executeUpdate();
            }
        }
    }

    private static String job(int k) {
        return String.format("bench-%06d", k);
    }
}

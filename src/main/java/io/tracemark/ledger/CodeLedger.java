package io.tracemark.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tracemark.core.CodeState;
import io.tracemark.core.TraceLevel;
import io.tracemark.store.AuditLog;
import io.tracemark.store.Database;
import io.tracemark.store.Outbox;
import io.tracemark.store.Transactions;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The code ledger: every code the station holds and every printed unit, with their states
 * (DESIGN.md section 2). Each method is one transaction that is durable when the method returns,
 * and every state change is written to {@code transitions} in that same transaction, so the
 * caller acts (prints, rejects, ships) only after the change is on disk.
 *
 * <p>Illegal changes throw {@link IllegalTransitionException}, unknown jobs or codes and ended jobs
 * {@link LedgerException}; either way nothing changed. Final unit verdicts and job releases are
 * appended to the outbox in the same transaction.
 *
 * <p>Thread-safe. Writes go through the {@link Transactions} given: the {@link Database} itself (one
 * commit per call) or a {@link io.tracemark.store.GroupCommit} (concurrent callers share commits).
 */
public final class CodeLedger {

    /** Actor of changes the station makes by itself (crash recovery, stop). */
    public static final String SYSTEM = "system";
    /** Reason given to units voided by crash recovery. */
    public static final String RECOVERED_AFTER_CRASH = "recovered-after-crash";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final Transactions writes;
    private final Clock clock;
    private final AuditLog audit;
    private final Outbox outbox;
    private final LedgerRows rows;
    private final CodeImporter importer;
    private final RejectLog rejectLog;
    private final LedgerQueries queries;

    public CodeLedger(Database db, Transactions writes, Clock clock) {
        this.db = db;
        this.writes = writes;
        this.clock = clock;
        this.rows = new LedgerRows(db);
        this.audit = new AuditLog(db, clock);
        this.outbox = new Outbox(db, writes, clock);
        this.importer = new CodeImporter(db, writes, audit, clock);
        this.queries = new LedgerQueries(db);
        this.rejectLog = new RejectLog(db);
    }

    /** A ledger committing each call on its own (no group commit), on the system clock. */
    public CodeLedger(Database db) {
        this(db, db, Clock.systemUTC());
    }

    // ---- import ----------------------------------------------------------------------------

    /**
     * Imports a code package file (text, CSV with a {@code code} column, or a zip of one such file)
     * all-or-nothing.
     *
     * @return {@link ImportOutcome.Imported}, or {@link ImportOutcome.AlreadyImported} when a file with
     *         the same SHA-256 was imported before (nothing changed)
     * @throws io.tracemark.core.InvalidInputException listing every bad line ("line N") when any line
     *         is bad, a duplicate in the file or already in the ledger, or the file holds no codes;
     *         nothing was imported
     */
    public ImportOutcome importFile(Path file, String scheme, CodeValidator validator, String actor) {
        return importFile(file, scheme, null, validator, actor);
    }

    /**
     * {@link #importFile(Path, String, CodeValidator, String)} for the codes of one product
     * ({@code null}: of no product in particular): jobs of another product never get them
     * ({@link #allocate(String, int, String, String, String)}).
     */
    public ImportOutcome importFile(Path file, String scheme, String productId, CodeValidator validator, String actor) {
        return importer.importFile(file, scheme, productId, validator, actor);
    }

    /** Imports codes pulled from a platform ({@code source} names the range), with the rules of {@link #importFile}. */
    public ImportOutcome importCodes(List<String> codes, String source, String scheme, CodeValidator validator,
                                     String actor) {
        return importer.importCodes(codes, source, scheme, null, validator, actor);
    }

    /**
     * Imports the codes of one product pulled from a platform: like
     * {@link #importCodes(List, String, String, CodeValidator, String)}, and the package is marked
     * as {@code productId}'s, so only jobs of that product are allocated its codes.
     */
    public ImportOutcome importCodes(List<String> codes, String source, String scheme, String productId,
                                     CodeValidator validator, String actor) {
        return importer.importCodes(codes, source, scheme, productId, validator, actor);
    }

    // ---- jobs and allocation ---------------------------------------------------------------

    /** Creates an open job; a job id can be used once. */
    public Job createJob(String jobId, TraceLevel level, int quantity, String actor) {
        if (quantity < 0) {
            throw new IllegalArgumentException("job " + jobId + ": quantity must be >= 0, was " + quantity);
        }
        long now = clock.millis();
        writes.inTransaction(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("INSERT OR IGNORE INTO jobs "
                    + "(id, trace_level, quantity, state, created_at) VALUES (?, ?, ?, 'OPEN', ?)")) {
                ps.setString(1, jobId);
                ps.setString(2, level.name());
                ps.setInt(3, quantity);
                ps.setLong(4, now);
                if (ps.executeUpdate() != 1) {
                    throw new LedgerException("job " + jobId + " already exists");
                }
            }
            audit.record(conn, actor, "job.create", "job " + jobId + ", " + level + ", quantity " + quantity);
            return null;
        });
        return job(jobId).orElseThrow();
    }

    /** {@link #allocate(String, int, String)} from any scheme. */
    public List<AllocatedCode> allocate(String jobId, int n, String actor) {
        return allocate(jobId, n, null, actor);
    }

    /** {@link #allocate(String, int, String, String, String)} of any product. */
    public List<AllocatedCode> allocate(String jobId, int n, String scheme, String actor) {
        return allocate(jobId, n, scheme, null, actor);
    }

    /**
     * Atomically moves {@code n} AVAILABLE codes (oldest first, of {@code scheme} when not null) to
     * ALLOCATED for an open item-level job. With a {@code productId}, only codes of packages imported
     * for that product, or imported without naming a product, are taken: never another product's.
     *
     * @throws LedgerException when fewer than {@code n} are AVAILABLE (naming both numbers), the
     *                         job is unknown, ended, or batch-level
     */
    public List<AllocatedCode> allocate(String jobId, int n, String scheme, String productId, String actor) {
        long now = clock.millis();
        return writes.inTransaction(conn -> {
            LedgerRows.JobRow job = rows.openJob(conn, jobId);
            if (job.level().sharesCodeAcrossUnits()) {
                throw new LedgerException("job " + jobId + " is " + job.level() + " level: bind its one code with bindSharedCode");
            }
            List<AllocatedCode> codes = availableCodes(conn, n, scheme, productId);
            if (codes.size() < n) {
                throw new LedgerException("job " + jobId + ": asked for " + n + " codes"
                        + (scheme == null ? "" : " of scheme " + scheme) + (productId == null ? "" : " for product " + productId)
                        + ", only " + codes.size() + " AVAILABLE");
            }
            rows.allocate(conn, codes.stream().map(AllocatedCode::codeId).toList(), jobId, actor, now);
            return codes;
        });
    }

    /**
     * Binds the one code a batch-level (PRODUCT / BATCH) job prints on every unit:
     * AVAILABLE -> ALLOCATED to this job.
     */
    public AllocatedCode bindSharedCode(String jobId, String code, String actor) {
        long now = clock.millis();
        return writes.inTransaction(conn -> {
            LedgerRows.JobRow job = rows.openJob(conn, jobId);
            if (!job.level().sharesCodeAcrossUnits()) {
                throw new LedgerException("job " + jobId + " is " + job.level() + " level: allocate one code per unit");
            }
            if (job.sharedCodeId() != null) {
                throw new LedgerException("job " + jobId + " already has its shared code");
            }
            LedgerRows.CodeRow row = rows.code(conn, code);
            Lifecycle.check(code, row.state(), CodeState.ALLOCATED, "binding to job " + jobId);
            rows.setCodeState(conn, row.id(), CodeState.AVAILABLE, CodeState.ALLOCATED, jobId, now);
            rows.transition(conn, row.id(), null, CodeState.AVAILABLE, CodeState.ALLOCATED, jobId, actor, "shared code", now);
            try (PreparedStatement ps = conn.prepareStatement("UPDATE jobs SET shared_code_id = ? WHERE id = ?")) {
                ps.setLong(1, row.id());
                ps.setString(2, jobId);
                ps.executeUpdate();
            }
            audit.record(conn, actor, "job.bind", "job " + jobId + " prints shared code " + code);
            return new AllocatedCode(row.id(), code, row.scheme());
        });
    }

    // ---- units -----------------------------------------------------------------------------

    /**
     * Records that {@code code} is about to be sent to the printer for a new unit of the job; the
     * caller sends only after this returns. Item level: the code goes ALLOCATED -> SENT (a code is
     * never sent twice). Batch level: {@code code} must be the job's shared code; a new unit is
     * counted against it.
     *
     * @return the new unit, with its id and its position {@code seq} in the job
     */
    public Unit markSent(String jobId, String code, String actor) {
        long now = clock.millis();
        return writes.inTransaction(conn -> send(conn, rows.openJob(conn, jobId), code, actor, now));
    }

    /** {@link #markSent(String, String, String)} for several codes in one transaction, all or none. */
    public List<Unit> markSent(String jobId, List<String> codes, String actor) {
        long now = clock.millis();
        return writes.inTransaction(conn -> {
            LedgerRows.JobRow job = rows.openJob(conn, jobId);
            List<Unit> units = new ArrayList<>(codes.size());
            for (String code : codes) {
                units.add(send(conn, job, code, actor, now));
            }
            return units;
        });
    }

    private Unit send(Connection conn, LedgerRows.JobRow job, String code, String actor, long now) throws SQLException {
        if (!job.level().sharesCodeAcrossUnits()) {
            // the common case in one statement: ALLOCATED to this job -> SENT; anything else changes nothing
            Long codeId = rows.markAllocatedCodeSent(conn, code, job.id(), now);
            if (codeId == null) {
                throw refusedSend(conn, job, code);
            }
            return newUnit(conn, job, codeId, code, actor, now);
        }
        LedgerRows.CodeRow row = rows.code(conn, code);
        if (job.sharedCodeId() == null || job.sharedCodeId() != row.id()) {
            throw new LedgerException("code " + code + " is not the shared code of job " + job.id());
        }
        if (row.state() == CodeState.ALLOCATED) {
            rows.setCodeState(conn, row.id(), CodeState.ALLOCATED, CodeState.SENT, job.id(), now);
        } else if (row.state() != CodeState.SENT) {
            throw new IllegalTransitionException(code, row.state(), CodeState.SENT, "shared code of job " + job.id());
        }
        return newUnit(conn, job, row.id(), code, actor, now);
    }

    private Unit newUnit(Connection conn, LedgerRows.JobRow job, long codeId, String code, String actor, long now)
            throws SQLException {
        LedgerRows.NewUnit unit = rows.insertUnit(conn, job.id(), codeId, now);
        rows.transition(conn, codeId, unit.id(), CodeState.ALLOCATED, CodeState.SENT, job.id(), actor, null, now);
        return new Unit(unit.id(), job.id(), unit.seq(), code, CodeState.SENT, Optional.empty(), Optional.empty());
    }

    /** Why an item-level code cannot be sent for the job (the guarded update changed nothing). */
    private RuntimeException refusedSend(Connection conn, LedgerRows.JobRow job, String code) throws SQLException {
        LedgerRows.CodeRow row = rows.code(conn, code);
        if (row.state() == CodeState.ALLOCATED && !job.id().equals(row.jobId())) {
            return new LedgerException("code " + code + " is allocated to job " + row.jobId() + ", not " + job.id());
        }
        Lifecycle.check(code, row.state(), CodeState.SENT, "job " + job.id());
        return new IllegalStateException("code " + code + " is " + row.state() + " for job " + row.jobId()
                + " but could not be marked SENT for job " + job.id());
    }

    /** The unit was read back correctly: SENT -> VERIFIED (ready to ship). */
    public Unit verify(long unitId, String grade, String actor) {
        return finish(unitId, CodeState.VERIFIED, null, grade, actor);
    }

    /**
     * {@link #verify} without waiting: the future completes once VERIFIED is durable (or with the
     * reason it could not be written). The write may share a commit with later ones (group commit);
     * nothing written by this thread afterwards commits before it. With a
     * {@link io.tracemark.store.GroupCommit} it waits at most {@link io.tracemark.store.GroupCommit#GATHER}
     * for a commit whose caller waits (the next send); should the station die before that commit,
     * the unit is still SENT on disk and crash recovery voids it as {@link #RECOVERED_AFTER_CRASH}:
     * never counted VERIFIED without being durable.
     */
    public java.util.concurrent.CompletableFuture<Unit> verifyLater(long unitId, String grade, String actor) {
        long now = clock.millis();
        return writes.later(conn -> finish(conn, unitId, CodeState.VERIFIED, null, grade, actor, now));
    }

    /** The unit was refused by verification: SENT -> REJECTED. */
    public Unit reject(long unitId, String reason, String grade, String actor) {
        return finish(unitId, CodeState.REJECTED, reason, grade, actor);
    }

    /** The unit's fate is unknown (fault, stop): SENT -> VOIDED; it is never reprinted. */
    public Unit voidUnit(long unitId, String reason, String actor) {
        return finish(unitId, CodeState.VOIDED, reason, null, actor);
    }

    private Unit finish(long unitId, CodeState to, String reason, String grade, String actor) {
        long now = clock.millis();
        return writes.inTransaction(conn -> finish(conn, unitId, to, reason, grade, actor, now));
    }

    private Unit finish(Connection conn, long unitId, CodeState to, String reason, String grade,
                        String actor, long now) throws SQLException {
        LedgerRows.UnitRow unit = rows.settleUnit(conn, unitId, to, reason, grade, now);
        if (unit == null) { // unknown, or not SENT: say why, nothing changed
            LedgerRows.UnitRow current = rows.unit(conn, unitId);
            Lifecycle.check(current.code(), current.state(), to, "unit " + unitId + " of job " + current.jobId());
            throw new IllegalStateException("unit " + unitId + " is " + current.state() + " and could not be set " + to);
        }
        Lifecycle.check(unit.code(), unit.state(), to, "unit " + unit.id() + " of job " + unit.jobId());
        if (!unit.level().sharesCodeAcrossUnits()) {
            rows.setCodeState(conn, unit.codeId(), CodeState.SENT, to, unit.jobId(), now);
        }
        rows.transition(conn, unit.codeId(), unit.id(), CodeState.SENT, to, unit.jobId(), actor, reason, now);
        outbox.append(conn, "unit.verdict", "unit-verdict/" + unit.jobId() + "/" + unit.seq(),
                verdictJson(unit, to, reason, grade, now));
        return new Unit(unit.id(), unit.jobId(), unit.seq(), unit.code(), to, Optional.ofNullable(reason),
                Optional.ofNullable(grade));
    }

    /**
     * Voids every unit of the job that is SENT without a verdict (on stop, and by crash recovery
     * with reason {@link #RECOVERED_AFTER_CRASH}).
     *
     * @return how many units were voided
     */
    public int voidInFlight(String jobId, String reason, String actor) {
        long now = clock.millis();
        return writes.inTransaction(conn -> {
            rows.job(conn, jobId);
            List<Long> inFlight = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT id FROM units WHERE job_id = ? AND state = 'SENT' ORDER BY seq")) {
                ps.setString(1, jobId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        inFlight.add(rs.getLong(1));
                    }
                }
            }
            for (long unitId : inFlight) {
                finish(conn, unitId, CodeState.VOIDED, reason, null, actor, now);
            }
            if (!inFlight.isEmpty()) {
                audit.record(conn, actor, "job.void-in-flight", "job " + jobId + ": " + inFlight.size()
                        + " units voided, reason " + reason);
            }
            return inFlight.size();
        });
    }

    /** {@link #voidInFlight(String, String, String)} by the station itself. */
    public int voidInFlight(String jobId, String reason) {
        return voidInFlight(jobId, reason, SYSTEM);
    }

    /**
     * Ends the job: its ALLOCATED codes go back to AVAILABLE (counted as released for the job); for
     * a batch-level job the planned units never sent are released, and the shared code goes back
     * to AVAILABLE if no unit was sent. Units still in flight may get their verdict afterwards.
     * Calling it on an ended job changes nothing.
     *
     * @return codes (item level) or planned units (batch level) released
     */
    public long releaseUnused(String jobId, String actor) {
        long now = clock.millis();
        return writes.inTransaction(conn -> {
            LedgerRows.JobRow job = rows.job(conn, jobId);
            if (job.state() == JobState.ENDED) {
                return 0L;
            }
            long released = job.level().sharesCodeAcrossUnits()
                    ? new Release(rows).sharedCode(conn, job, actor, now)
                    : new Release(rows).allocatedCodes(conn, job, actor, now);
            try (PreparedStatement ps = conn.prepareStatement(
                    "UPDATE jobs SET state = 'ENDED', ended_at = ?, released_units = ? WHERE id = ?")) {
                ps.setLong(1, now);
                ps.setLong(2, job.level().sharesCodeAcrossUnits() ? released : 0);
                ps.setString(3, jobId);
                ps.executeUpdate();
            }
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("job", jobId);
            event.put("released", released);
            event.put("at", Instant.ofEpochMilli(now).toString());
            outbox.append(conn, "job.release", "job-release/" + jobId, json(event));
            audit.record(conn, actor, "job.release", "job " + jobId + " ended, " + released + " released");
            return released;
        });
    }

    /**
     * Gives AVAILABLE codes back to the platform: AVAILABLE -> RETURNED, all or none.
     *
     * @return how many codes were returned
     */
    public int returnCodes(List<String> codes, String actor) {
        long now = clock.millis();
        return writes.inTransaction(conn -> {
            for (String code : codes) {
                LedgerRows.CodeRow row = rows.code(conn, code);
                Lifecycle.check(code, row.state(), CodeState.RETURNED, "return to platform");
                rows.setCodeState(conn, row.id(), CodeState.AVAILABLE, CodeState.RETURNED, null, now);
                rows.transition(conn, row.id(), null, CodeState.AVAILABLE, CodeState.RETURNED, null, actor, null, now);
            }
            audit.record(conn, actor, "codes.return", codes.size() + " codes returned to the platform");
            return codes.size();
        });
    }

    /**
     * Quarantines codes that must never be sent: AVAILABLE -> QUARANTINED; an ALLOCATED code is released
     * from its job first (ALLOCATED -> AVAILABLE, counted as released in the job's accounting). Codes in
     * other states are left as they are (the ledger sends none of them again). All or none, audited.
     *
     * @return the codes quarantined
     */
    public List<String> quarantine(List<String> codes, String reason, String actor) {
        long now = clock.millis();
        return writes.inTransaction(conn -> {
            List<String> done = new ArrayList<>();
            for (String code : codes) {
                LedgerRows.CodeRow row = rows.code(conn, code);
                if (row.state() == CodeState.ALLOCATED) {
                    rows.setCodeState(conn, row.id(), CodeState.ALLOCATED, CodeState.AVAILABLE, null, now);
                    rows.transition(conn, row.id(), null, CodeState.ALLOCATED, CodeState.AVAILABLE, row.jobId(), actor,
                            "quarantine", now);
                } else if (row.state() != CodeState.AVAILABLE) {
                    continue;
                }
                rows.setCodeState(conn, row.id(), CodeState.AVAILABLE, CodeState.QUARANTINED, null, now);
                rows.transition(conn, row.id(), null, CodeState.AVAILABLE, CodeState.QUARANTINED, null, actor, reason, now);
                done.add(code);
            }
            if (!done.isEmpty()) {
                audit.record(conn, actor, "codes.quarantine", done.size() + " codes quarantined (never sent again): "
                        + reason + "; " + String.join(", ", done.subList(0, Math.min(50, done.size())))
                        + (done.size() > 50 ? " and " + (done.size() - 50) + " more" : ""));
            }
            return done;
        });
    }

    // ---- reads -----------------------------------------------------------------------------

    /** The job, if it exists. */
    public Optional<Job> job(String jobId) {
        return queries.job(jobId);
    }

    /** Every job, oldest first. */
    public List<Job> jobs() {
        return queries.jobs();
    }

    /** Jobs not ended, oldest first (crash recovery looks at these). */
    public List<Job> openJobs() {
        return queries.jobs().stream().filter(j -> j.state() == JobState.OPEN).toList();
    }

    /** The unit with this id, if it exists. */
    public Optional<Unit> unit(long unitId) {
        return queries.unit(unitId);
    }

    /**
     * The unit printed with {@code code}: for an item-level code its one unit; for a shared code
     * the oldest unit still SENT (the next verdict due, FIFO), else its latest unit.
     */
    public Optional<Unit> unitByCode(String code) {
        return queries.unitByCode(code);
    }

    /** Units of the job SENT without verdict, in the order sent. */
    public List<Unit> inFlight(String jobId) {
        return queries.inFlight(jobId);
    }

    /** The state of a code, if the ledger holds it. */
    public Optional<CodeState> codeState(String code) {
        return queries.codeState(code);
    }

    /**
     * How many codes are in {@code state}. AVAILABLE is counted on its index; any other state reads
     * the codes table (for all states at once see {@link #countCodesByState()}).
     */
    public long countCodes(CodeState state) {
        // the state written into the statement, not bound: only a literal matches the partial index
        return db.count("SELECT count(*) FROM codes WHERE state = '" + state.name() + "'");
    }

    /** How many codes are in each state (every state listed, 0 included), in one pass over the codes. */
    public Map<CodeState, Long> countCodesByState() {
        return db.read(conn -> {
            Map<CodeState, Long> counts = new java.util.EnumMap<>(CodeState.class);
            for (CodeState state : CodeState.values()) {
                counts.put(state, 0L);
            }
            try (PreparedStatement ps = conn.prepareStatement("SELECT state, count(*) FROM codes GROUP BY state");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.put(CodeState.valueOf(rs.getString(1)), rs.getLong(2));
                }
            }
            return counts;
        });
    }

    /** How many codes of {@code scheme} were ever imported, whatever their state. */
    public long countCodesOfScheme(String scheme) {
        return db.count("SELECT count(*) FROM codes WHERE scheme = ?", scheme);
    }

    /**
     * AVAILABLE codes of {@code scheme} that a job of {@code productId} may use (see
     * {@link #allocate(String, int, String, String, String)}); every AVAILABLE code of the scheme when
     * the product is null.
     */
    public long countAvailable(String scheme, String productId) {
        if (productId == null) {
            return db.count("SELECT count(*) FROM codes WHERE scheme = ? AND state = 'AVAILABLE'", scheme);
        }
        return db.count("SELECT count(*) FROM codes c JOIN code_packages p ON p.id = c.package_id WHERE c.scheme = ?"
                + " AND c.state = 'AVAILABLE' AND (p.product_id = ? OR p.product_id IS NULL)", scheme, productId);
    }

    /**
     * AVAILABLE codes per product, whatever the scheme, as a job of that product may use them: those of
     * packages imported for it plus those imported without naming a product (one pass over the codes).
     */
    public Map<String, Long> countAvailableByProduct(List<String> productIds) {
        return db.read(conn -> {
            Map<String, Long> perPackageProduct = new java.util.HashMap<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT p.product_id, count(*) FROM codes c"
                    + " JOIN code_packages p ON p.id = c.package_id WHERE c.state = 'AVAILABLE' GROUP BY p.product_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    perPackageProduct.put(rs.getString(1), rs.getLong(2));
                }
            }
            long anyProduct = perPackageProduct.getOrDefault(null, 0L);
            Map<String, Long> out = new LinkedHashMap<>();
            for (String id : productIds) {
                out.put(id, anyProduct + perPackageProduct.getOrDefault(id, 0L));
            }
            return out;
        });
    }

    /**
     * The first AVAILABLE code of {@code scheme} that a job of {@code productId} may use (as
     * {@link #allocate(String, int, String, String, String)} would hand out), without taking it.
     */
    public Optional<String> firstAvailable(String scheme, String productId) {
        List<String> codes = strings("SELECT c.code FROM codes c JOIN code_packages p ON p.id = c.package_id"
                + " WHERE c.state = 'AVAILABLE' AND c.scheme = ? AND (p.product_id = ? OR p.product_id IS NULL)"
                + " ORDER BY c.id LIMIT 1", scheme, productId);
        return codes.stream().findFirst();
    }

    /** The codes ALLOCATED to a job and not sent yet, in allocation order. */
    public List<String> allocatedTo(String jobId) {
        return strings("SELECT code FROM codes WHERE job_id = ? AND state = 'ALLOCATED' ORDER BY id", jobId);
    }

    /** The codes of every unit of a job (a shared code once per unit). */
    public List<String> unitCodes(String jobId) {
        return strings("SELECT c.code FROM units u JOIN codes c ON c.id = u.code_id WHERE u.job_id = ?", jobId);
    }

    /**
     * Verdicts per minute from {@code from} (inclusive) to {@code to} (exclusive), oldest first; minutes
     * without a verdict are left out. Counted from the index on {@code verdict_at} alone.
     */
    public List<VerdictMinute> verdictsByMinute(Instant from, Instant to) {
        return db.read(conn -> {
            java.util.TreeMap<Long, long[]> counts = new java.util.TreeMap<>();
            java.util.Map<Long, java.util.Map<String, Long>> reasons = new java.util.HashMap<>();
            try (java.sql.PreparedStatement ps = conn.prepareStatement("SELECT verdict_at / 60000 AS m, state, reason, "
                    + "COUNT(*) FROM units WHERE verdict_at >= ? AND verdict_at < ? GROUP BY m, state, reason")) {
                ps.setLong(1, from.toEpochMilli());
                ps.setLong(2, to.toEpochMilli());
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long minute = rs.getLong(1);
                        long n = rs.getLong(4);
                        long[] c = counts.computeIfAbsent(minute, k -> new long[3]);
                        switch (rs.getString(2)) {
                            case "VERIFIED" -> c[0] += n;
                            case "REJECTED" -> {
                                c[1] += n;
                                String reason = rs.getString(3) == null ? "" : rs.getString(3);
                                reasons.computeIfAbsent(minute, k -> new java.util.TreeMap<>()).merge(reason, n, Long::sum);
                            }
                            case "VOIDED" -> c[2] += n;
                            default -> { }
                        }
                    }
                }
            }
            List<VerdictMinute> out = new java.util.ArrayList<>();
            counts.forEach((minute, c) -> out.add(new VerdictMinute(Instant.ofEpochMilli(minute * 60_000), c[0], c[1],
                    c[2], reasons.getOrDefault(minute, java.util.Map.of()))));
            return out;
        });
    }

    /**
     * One page of REJECTED units, newest verdict first (then the higher unit id first), starting after
     * {@code after} (null: the first page).
     *
     * @param limit at most this many (1–1000)
     */
    public List<RejectedUnit> rejected(RejectQuery query, RejectCursor after, int limit) {
        return rejectLog.page(query, after, limit);
    }

    /** How many REJECTED units the query matches. */
    public long rejectedCount(RejectQuery query) {
        return rejectLog.count(query);
    }

    /** How many REJECTED units the query matches per reason, most first. */
    public Map<String, Long> rejectedByReason(RejectQuery query) {
        return rejectLog.countsByReason(query);
    }

    /** Every scheme the ledger holds codes of, sorted. */
    public List<String> schemes() {
        return strings("SELECT DISTINCT scheme FROM codes ORDER BY scheme");
    }

    private List<String> strings(String sql, Object... args) {
        return db.read(conn -> {
            List<String> out = new java.util.ArrayList<>();
            try (java.sql.PreparedStatement ps = conn.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
    }

    /** The accounting of one job. */
    public Reconciliation reconcile(String jobId) {
        return queries.reconcile(jobId);
    }

    /** The accounting of every job, oldest first. */
    public List<Reconciliation> reconcileAll() {
        return queries.jobs().stream().map(j -> queries.reconcile(j.id())).toList();
    }

    /** The audit log the ledger writes to. */
    public AuditLog audit() {
        return audit;
    }

    /** The outbox the ledger appends verdicts and releases to. */
    public Outbox outbox() {
        return outbox;
    }

    private List<AllocatedCode> availableCodes(Connection conn, int n, String scheme, String productId)
            throws SQLException {
        String sql = "SELECT c.id, c.code, c.scheme FROM codes c"
                + (productId == null ? "" : " JOIN code_packages p ON p.id = c.package_id")
                + " WHERE c.state = 'AVAILABLE'" + (scheme == null ? "" : " AND c.scheme = ?")
                + (productId == null ? "" : " AND (p.product_id = ? OR p.product_id IS NULL)") + " ORDER BY c.id LIMIT ?";
        PreparedStatement ps = db.prepared(conn, sql);
        int i = 1;
        if (scheme != null) {
            ps.setString(i++, scheme);
        }
        if (productId != null) {
            ps.setString(i++, productId);
        }
        ps.setInt(i, n);
        List<AllocatedCode> codes = new ArrayList<>(n);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                codes.add(new AllocatedCode(rs.getLong(1), rs.getString(2), rs.getString(3)));
            }
        }
        return codes;
    }

    /**
     * The verdict event, {@code {"job":…,"seq":…,"code":…,"state":…,"reason":…,"grade":…,"at":…}}
     * (a null reason or grade written as null), written straight into one buffer: no map, tree or
     * generator per verdict on the writer thread.
     */
    static String verdictJson(LedgerRows.UnitRow unit, CodeState to, String reason, String grade, long now) {
        StringBuilder out = new StringBuilder(160 + unit.code().length() + unit.jobId().length());
        out.append("{\"job\":");
        jsonString(out, unit.jobId());
        out.append(",\"seq\":").append(unit.seq()).append(",\"code\":");
        jsonString(out, unit.code());
        out.append(",\"state\":\"").append(to.name()).append("\",\"reason\":");
        jsonString(out, reason);
        out.append(",\"grade\":");
        jsonString(out, grade);
        out.append(",\"at\":\"").append(Instant.ofEpochMilli(now)).append("\"}");
        return out.toString();
    }

    /** A JSON string (RFC 8259 section 7: quote, backslash and control characters escaped), or null. */
    static void jsonString(StringBuilder out, String value) {
        if (value == null) {
            out.append("null");
            return;
        }
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static String json(Map<String, Object> event) {
        try {
            return JSON.writeValueAsString(event);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write event " + event, e);
        }
    }
}

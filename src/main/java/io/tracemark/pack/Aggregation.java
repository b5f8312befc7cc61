package io.tracemark.pack;

import io.tracemark.core.CodeState;
import io.tracemark.store.AuditLog;
import io.tracemark.store.Database;
import io.tracemark.store.Transactions;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Cases of units and pallets of cases (组合多码 parent/child, guideline 5.2.2), in the station database.
 * Each method is one transaction, durable when it returns: a link is on disk before the case label is
 * printed or the case moves on. A request that breaks a rule throws {@link PackRefusedException} naming
 * the rule, the code and the parent, and changes nothing.
 *
 * <p>Every link, unlink and parent change is journalled in {@code pack_events} with time, job and user;
 * what people do by hand (closing a partial case, unpacking, replacing, moving, rework) also goes to the
 * audit log with the reason given.
 *
 * <p>Thread-safe: all state is in the database, every change under its write transaction.
 */
public final class Aggregation {

    private final Database db;
    private final Transactions writes;
    private final Clock clock;
    private final AuditLog audit;
    private final PackRules rules = new PackRules();
    private final TraceEvents events;

    public Aggregation(Database db, Transactions writes, Clock clock) {
        this.db = db;
        this.writes = writes;
        this.clock = clock;
        this.audit = new AuditLog(db, clock);
        this.events = new TraceEvents(new io.tracemark.store.Outbox(db, writes, clock));
    }

    public Aggregation(Database db) {
        this(db, db, Clock.systemUTC());
    }

    // ---- SSCC ranges -----------------------------------------------------------------------

    /**
     * Adds a range of serial references for SSCCs ({@code source}: the config, or the platform's range id).
     * Adding a range already stored does nothing.
     *
     * @return whether the range was new
     * @throws PackRefusedException ({@link Refusal#RANGE_OVERLAPS}) when it would issue an SSCC another range holds
     */
    public boolean addSsccRange(SsccRange range, String source, String actor) {
        return writes.inTransaction(conn -> {
            boolean added = SsccAllocator.addRange(conn, range, source, actor, clock.millis());
            if (added) {
                audit.record(conn, actor, "pack.sscc-range", range + " from " + source);
            }
            return added;
        });
    }

    /** SSCCs not yet issued, over every range. */
    public long ssccsLeft() {
        return db.read(SsccAllocator::remaining);
    }

    // ---- opening parents -------------------------------------------------------------------

    /**
     * Opens a case for up to {@code capacity} units with the next SSCC. {@code jobId}/{@code productId}
     * may be null: the first unit packed sets them.
     *
     * @param mixJobs whether units of other jobs of the same product may go in (never of another product)
     */
    public Parent openCase(int capacity, String jobId, String productId, boolean mixJobs, String actor) {
        return open(ParentKind.CASE, capacity, jobId, productId, mixJobs, actor);
    }

    /** Opens a pallet for up to {@code capacity} cases with the next SSCC. */
    public Parent openPallet(int capacity, String actor) {
        return open(ParentKind.PALLET, capacity, null, null, true, actor);
    }

    private Parent open(ParentKind kind, int capacity, String jobId, String productId, boolean mixJobs, String actor) {
        if (capacity <= 0) {
            throw new IllegalArgumentException(kind + " capacity must be > 0, was " + capacity);
        }
        long now = clock.millis();
        return writes.inTransaction(conn -> {
            Sscc sscc = SsccAllocator.next(conn);
            long id = PackRows.insertParent(conn, sscc, kind, capacity, jobId, productId, mixJobs, actor, now);
            PackRows.event(conn, "OPEN", id, null, null, jobId, actor, null, now);
            return PackRows.parent(conn, id).orElseThrow();
        });
    }

    // ---- packing ---------------------------------------------------------------------------

    /**
     * Packs the unit carrying {@code code} into the case {@code caseSscc}.
     *
     * @return the case after the link (see {@link Parent#full()})
     * @throws PackRefusedException when the unit is unknown, not VERIFIED, of a shared code, of another
     *         product (or job, where the case forbids it), in a case already, or scanned twice; or the case
     *         is unknown, a pallet, full, closed or shipped
     */
    public Parent pack(Sscc caseSscc, String code, String actor) {
        long now = clock.millis();
        return writes.inTransaction(conn -> {
            Parent box = rules.caseTakingUnits(conn, caseSscc);
            ChildUnit unit = rules.packableUnit(conn, box, code);
            if (box.full()) {
                throw new PackRefusedException(Refusal.PARENT_FULL, "case " + caseSscc + " is full ("
                        + box.children() + " of " + box.capacity() + "): code " + code + " not packed");
            }
            PackRows.setFirstChild(conn, box.id(), unit.jobId(), unit.productId().orElse(null));
            PackRows.link(conn, unit.unitId(), box.id(), unit.jobId(), now);
            PackRows.event(conn, "LINK", box.id(), unit.unitId(), null, unit.jobId(), actor, null, now);
            return PackRows.parent(conn, box.id()).orElseThrow();
        });
    }

    /**
     * Closes an open parent: it takes no more children and its label is due. A parent that is not full
     * (a partial case at batch end) is closed only with a reason, by a supervisor (the panel checks the role).
     *
     * @throws PackRefusedException when it is empty, not open, or partial without a reason
     */
    public Parent close(Sscc sscc, String actor, String reason) {
        long now = clock.millis();
        return writes.inTransaction(conn -> {
            Parent parent = rules.existing(conn, sscc);
            rules.requireOpen(parent, "closed");
            if (parent.children() == 0) {
                throw new PackRefusedException(Refusal.PARENT_EMPTY, parent.kind().name().toLowerCase()
                        + " " + sscc + " is empty: nothing to close");
            }
            boolean partial = !parent.full();
            if (partial) {
                rules.requireReason(reason, "closing partial " + parent.kind().name().toLowerCase() + " " + sscc
                        + " (" + parent.children() + " of " + parent.capacity() + ")");
                audit.record(conn, actor, "pack.close-partial", parent.kind() + " " + sscc + " closed with "
                        + parent.children() + " of " + parent.capacity() + ": " + reason);
            }
            PackRows.setState(conn, parent.id(), ParentState.CLOSED, actor, now);
            PackRows.event(conn, "CLOSE", parent.id(), null, null, parent.jobId().orElse(null), actor,
                    partial ? reason : null, now);
            if (parent.kind() == ParentKind.CASE) {
                events.caseClosed(conn, parent, now);
            }
            return PackRows.parent(conn, parent.id()).orElseThrow();
        });
    }

    /**
     * Puts the closed case {@code caseSscc} on the open pallet {@code palletSscc}.
     *
     * @throws PackRefusedException when either is unknown or of the wrong kind, the case is open, shipped
     *         or on a pallet already, or the pallet is full, closed or shipped
     */
    public Parent putOnPallet(Sscc palletSscc, Sscc caseSscc, String actor) {
        long now = clock.millis();
        return writes.inTransaction(conn -> {
            Parent pallet = rules.palletTakingCases(conn, palletSscc);
            Parent box = rules.caseReadyForPallet(conn, caseSscc, pallet);
            PackRows.setPallet(conn, box.id(), pallet.id());
            PackRows.event(conn, "PUT", pallet.id(), null, box.id(), box.jobId().orElse(null), actor, null, now);
            return PackRows.parent(conn, pallet.id()).orElseThrow();
        });
    }

    // ---- parent labels ---------------------------------------------------------------------

    /** The parent's label is about to be sent to the printer (written before it is). */
    public void labelSent(Sscc sscc, String actor) {
        labelState(sscc, "SENT", actor, null);
    }

    /** The camera read the parent's label back correctly. */
    public void labelVerified(Sscc sscc, String grade, String actor) {
        labelState(sscc, "VERIFIED", actor, grade);
    }

    private void labelState(Sscc sscc, String state, String actor, String detail) {
        long now = clock.millis();
        writes.inTransaction(conn -> {
            Parent parent = rules.existing(conn, sscc);
            PackRows.setLabelState(conn, parent.id(), state);
            PackRows.event(conn, "LABEL_" + state, parent.id(), null, null, parent.jobId().orElse(null), actor, detail, now);
            return null;
        });
    }

    /**
     * The camera refused the parent's label: the parent is VOIDED (its SSCC is never used again) and its
     * children move, in the same transaction, to a new parent with the next SSCC, whose label is due.
     *
     * @return the new parent
     */
    public Parent labelRejected(Sscc sscc, String reason, String actor) {
        long now = clock.millis();
        return writes.inTransaction(conn -> {
            Parent old = rules.existing(conn, sscc);
            rules.requireNotShipped(old, "relabelled");
            Sscc next = SsccAllocator.next(conn);
            long id = PackRows.insertParent(conn, next, old.kind(), old.capacity(), old.jobId().orElse(null),
                    old.productId().orElse(null), old.mixJobs(), actor, now);
            PackRows.event(conn, "OPEN", id, null, null, old.jobId().orElse(null), actor, "relabel of " + sscc, now);
            new ParentMoves(conn, actor, now).moveChildren(old, id);
            PackRows.setPallet(conn, id, old.palletSscc().isPresent() ? palletId(conn, old) : null);
            PackRows.setPallet(conn, old.id(), null);
            PackRows.setState(conn, id, old.state(), actor, now);
            PackRows.setState(conn, old.id(), ParentState.VOIDED, actor, now);
            PackRows.setLabelState(conn, old.id(), "REJECTED");
            PackRows.event(conn, "LABEL_REJECTED", old.id(), null, null, old.jobId().orElse(null), actor,
                    reason + "; children moved to " + next, now);
            Parent relabelled = PackRows.parent(conn, id).orElseThrow();
            if (relabelled.kind() == ParentKind.CASE && relabelled.state() == ParentState.CLOSED) {
                events.caseClosed(conn, relabelled, now);
            }
            return relabelled;
        });
    }

    private static Long palletId(Connection conn, Parent box) throws SQLException {
        return PackRows.parent(conn, box.palletSscc().orElseThrow()).orElseThrow().id();
    }

    // ---- corrections by hand ---------------------------------------------------------------

    /**
     * Dissolves a parent: a case's units become loose (and it leaves its pallet), a pallet's cases leave it.
     * Its SSCC is never used again.
     *
     * @throws PackRefusedException when it is shipped, already dissolved, or no reason is given
     */
    public Parent unpack(Sscc sscc, String actor, String reason) {
        long now = clock.millis();
        return writes.inTransaction(conn -> {
            Parent parent = rules.existing(conn, sscc);
            rules.requireReason(reason, "unpacking " + sscc);
            rules.requireLive(parent, "unpacked");
            new ParentMoves(conn, actor, now).empty(parent, reason);
            PackRows.setState(conn, parent.id(), ParentState.UNPACKED, actor, now);
            PackRows.event(conn, "UNPACK", parent.id(), null, null, parent.jobId().orElse(null), actor, reason, now);
            audit.record(conn, actor, "pack.unpack", parent.kind() + " " + sscc + " with " + parent.children()
                    + " children: " + reason);
            return PackRows.parent(conn, parent.id()).orElseThrow();
        });
    }

    /**
     * Swaps a unit in a case for another (a damaged unit for a verified one); the case keeps its count and label.
     *
     * @throws PackRefusedException when {@code oldCode} is not in the case, the case is shipped or dissolved,
     *         {@code newCode} breaks a packing rule, or no reason is given
     */
    public Parent replace(Sscc caseSscc, String oldCode, String newCode, String actor, String reason) {
        long now = clock.millis();
        return writes.inTransaction(conn -> {
            Parent box = rules.existing(conn, caseSscc);
            rules.requireKind(box, ParentKind.CASE);
            rules.requireReason(reason, "replacing " + oldCode + " in " + caseSscc);
            rules.requireLive(box, "changed");
            ChildUnit out = rules.unitIn(conn, box, oldCode);
            ChildUnit in = rules.packableUnit(conn, box, newCode);
            PackRows.unlink(conn, out.unitId());
            PackRows.event(conn, "UNLINK", box.id(), out.unitId(), null, out.jobId(), actor, "replaced by " + newCode + ": " + reason, now);
            PackRows.link(conn, in.unitId(), box.id(), in.jobId(), now);
            PackRows.event(conn, "LINK", box.id(), in.unitId(), null, in.jobId(), actor, "replaces " + oldCode + ": " + reason, now);
            audit.record(conn, actor, "pack.replace", "case " + caseSscc + ": " + oldCode + " replaced by " + newCode + ": " + reason);
            return PackRows.parent(conn, box.id()).orElseThrow();
        });
    }

    /**
     * Moves a closed case from its pallet (or from none) onto another open pallet.
     *
     * @throws PackRefusedException when the case is open, shipped or dissolved, already on that pallet,
     *         the pallet is full, closed or shipped, or no reason is given
     */
    public Parent moveCase(Sscc caseSscc, Sscc toPallet, String actor, String reason) {
        long now = clock.millis();
        return writes.inTransaction(conn -> {
            rules.requireReason(reason, "moving case " + caseSscc);
            Parent pallet = rules.palletTakingCases(conn, toPallet);
            Parent box = rules.existing(conn, caseSscc);
            if (box.palletSscc().filter(toPallet::equals).isPresent()) {
                throw new PackRefusedException(Refusal.SCANNED_TWICE, "case " + caseSscc + " is on pallet " + toPallet + " already");
            }
            Optional<Sscc> from = box.palletSscc();
            if (from.isPresent()) {
                Parent old = rules.existing(conn, from.get());
                rules.requireNotShipped(old, "changed");
                PackRows.setPallet(conn, box.id(), null);
                PackRows.event(conn, "TAKE", old.id(), null, box.id(), box.jobId().orElse(null), actor, reason, now);
            }
            rules.caseReadyForPallet(conn, caseSscc, pallet);
            PackRows.setPallet(conn, box.id(), pallet.id());
            PackRows.event(conn, "PUT", pallet.id(), null, box.id(), box.jobId().orElse(null), actor, reason, now);
            audit.record(conn, actor, "pack.move", "case " + caseSscc + " from " + from.map(Sscc::digits).orElse("no pallet")
                    + " to pallet " + toPallet + ": " + reason);
            return PackRows.parent(conn, pallet.id()).orElseThrow();
        });
    }

    /**
     * Takes a unit out of its case for rework: it becomes loose, and a closed case opens again (its label,
     * which gives the count, is due again).
     *
     * @throws PackRefusedException when the unit is in no case, its case is shipped, or no reason is given
     */
    public Parent rework(String code, String actor, String reason) {
        long now = clock.millis();
        return writes.inTransaction(conn -> {
            rules.requireReason(reason, "rework of " + code);
            ChildUnit unit = rules.knownUnit(conn, code);
            if (unit.caseId().isEmpty()) {
                throw new PackRefusedException(Refusal.NOT_IN_PARENT, "code " + code + " is in no case: nothing to rework");
            }
            Parent box = PackRows.parent(conn, unit.caseId().get()).orElseThrow();
            rules.requireNotShipped(box, "changed");
            PackRows.unlink(conn, unit.unitId());
            PackRows.event(conn, "UNLINK", box.id(), unit.unitId(), null, unit.jobId(), actor, "rework: " + reason, now);
            if (box.state() == ParentState.CLOSED) {
                PackRows.setState(conn, box.id(), ParentState.OPEN, actor, now);
                PackRows.setLabelState(conn, box.id(), null);
                PackRows.event(conn, "REOPEN", box.id(), null, null, unit.jobId(), actor, "rework of " + code, now);
            }
            audit.record(conn, actor, "pack.rework", code + " taken out of case " + box.sscc() + ": " + reason);
            return PackRows.parent(conn, box.id()).orElseThrow();
        });
    }

    // ---- queries ---------------------------------------------------------------------------

    /** The parent with this SSCC, if any. */
    public Optional<Parent> parent(Sscc sscc) {
        return db.read(conn -> PackRows.parent(conn, sscc));
    }

    /** The case the unit carrying {@code code} is in now, if any. */
    public Optional<Parent> caseOf(String code) {
        return db.read(conn -> {
            Optional<ChildUnit> unit = PackRows.childUnit(conn, code);
            if (unit.isEmpty() || unit.get().caseId().isEmpty()) {
                return Optional.empty();
            }
            return PackRows.parent(conn, unit.get().caseId().get());
        });
    }

    /** The product, batch and production date of a job, when it has details. */
    public Optional<JobBatch> jobBatch(String jobId) {
        return db.read(conn -> {
            try (var ps = conn.prepareStatement("SELECT product_id, batch, production_date FROM job_details WHERE job_id = ?")) {
                ps.setString(1, jobId);
                try (var rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new JobBatch(rs.getString(1), rs.getString(2), rs.getString(3)))
                            : Optional.<JobBatch>empty();
                }
            }
        });
    }

    /** Whether the unit of {@code code} was sent to the printer and has no verdict yet. */
    public boolean awaitingVerdict(String code) {
        return db.read(conn -> PackRows.childUnit(conn, code).map(u -> u.state() == CodeState.SENT).orElse(false));
    }

    /** The codes in a case, in packing order. */
    public List<String> codesIn(Sscc caseSscc) {
        return db.read(conn -> {
            Parent box = rules.existing(conn, caseSscc);
            return PackRows.codesIn(conn, box.id());
        });
    }

    /** The cases on a pallet. */
    public List<Parent> casesOn(Sscc palletSscc) {
        return db.read(conn -> PackRows.casesOn(conn, rules.existing(conn, palletSscc).id()));
    }

    /** Open parents of a kind, oldest first. */
    public List<Parent> openParents(ParentKind kind) {
        return db.read(conn -> PackRows.openParents(conn, kind));
    }

    /** The packed and loose counts of a job. */
    public PackAccounting accounting(String jobId) {
        return db.read(conn -> PackAccounting.of(jobId,
                PackRows.number(conn, "SELECT count(*) FROM units WHERE job_id = ? AND state = 'VERIFIED'", jobId),
                PackRows.number(conn, "SELECT count(*) FROM pack_links WHERE job_id = ?", jobId),
                PackRows.number(conn, "SELECT count(*) FROM units u WHERE u.job_id = ? AND u.state = 'VERIFIED' "
                        + "AND NOT EXISTS (SELECT 1 FROM pack_links l WHERE l.unit_id = u.id)", jobId),
                PackRows.number(conn, "SELECT count(*) FROM pack_links l JOIN units u ON u.id = l.unit_id "
                        + "WHERE l.job_id = ? AND u.state <> '" + CodeState.VERIFIED + "'", jobId),
                PackRows.number(conn, "SELECT count(DISTINCT parent_id) FROM pack_links WHERE job_id = ?", jobId)));
    }
}

package io.tracemark.line;

import io.tracemark.core.TraceLevel;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.verify.Grade;
import io.tracemark.verify.ReadResult;
import io.tracemark.verify.RejectGate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pairs camera results with the units they show: by FIFO position among printed units (the camera
 * sees labels in the order they come out), then judges the content against the unit's expected
 * content ({@link Judgement}). The verdict is written to the ledger first; a reject then fires the
 * gate ({@link RejectActuator}). One lock guards the queues and the verdict writes, so a stop can void
 * what is in flight without racing a verdict.
 */
final class UnitMatcher {

    private static final Logger LOG = LoggerFactory.getLogger(UnitMatcher.class);

    /** What the matcher tells the line. Called with the matcher's lock held: must not block. */
    interface Events {
        void judged(UnitVerdict verdict, Judgement judgement);

        void stop(StopCause cause);
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<PendingUnit> pending = new ArrayDeque<>();
    private final ArrayDeque<ReadResult> frames = new ArrayDeque<>();
    private final Set<String> known = new HashSet<>();
    private final CodeLedger ledger;
    private final Clock clock;
    private final Events events;
    private final RejectActuator gate;
    private volatile JobRules rules;
    private volatile boolean accepting;
    private int consecutiveRejects;
    private long strayResults;

    /** The rules of the job being judged. */
    record JobRules(TraceLevel level, Grade minimum, int consecutiveRejectLimit, Duration verdictTimeout) {
    }

    UnitMatcher(CodeLedger ledger, Clock clock, RejectActuator gate, Events events) {
        this.ledger = ledger;
        this.clock = clock;
        this.gate = gate;
        this.events = events;
    }

    /** Starts judging for a job; {@code knownContent} are the canonical contents of its units so far. */
    void begin(JobRules jobRules, Set<String> knownContent) {
        lock.lock();
        try {
            this.rules = jobRules;
            pending.clear();
            frames.clear();
            known.clear();
            known.addAll(knownContent);
            consecutiveRejects = 0;
            accepting = true;
        } finally {
            lock.unlock();
        }
    }

    /** A unit was sent (or is about to be): expect its label. */
    void expect(PendingUnit unit) {
        lock.lock();
        try {
            pending.addLast(unit);
            if (!unit.isChallenge()) {
                known.add(unit.canonical);
            }
        } finally {
            lock.unlock();
        }
    }

    /** The printer confirmed the unit's label came out. */
    void printed(long unitId) {
        lock.lock();
        try {
            for (PendingUnit p : pending) {
                if (p.unitId == unitId) {
                    p.printedAt = clock.instant();
                    break;
                }
            }
            pair();
        } finally {
            lock.unlock();
        }
    }

    /** A camera result arrived. */
    void result(ReadResult result) {
        lock.lock();
        try {
            if (!accepting) {
                strayResults++;
                LOG.debug("camera result while the line is not judging: dropped ({} so far)", strayResults);
                return;
            }
            frames.addLast(result);
            pair();
        } finally {
            lock.unlock();
        }
    }

    /** Rejects (missing-label) the oldest printed units whose camera result is overdue. */
    void checkTimeouts() {
        lock.lock();
        try {
            JobRules r = rules;
            Instant now = clock.instant();
            while (accepting && frames.isEmpty() && !pending.isEmpty() && pending.peekFirst().printedAt != null
                    && Duration.between(pending.peekFirst().printedAt, now).compareTo(r.verdictTimeout()) > 0) {
                PendingUnit unit = pending.pollFirst();
                LOG.warn("unit {} ({}): no camera result {} ms after printing", unit.unitId, unit.code,
                        r.verdictTimeout().toMillis());
                if (unit.isChallenge()) {
                    unit.challenge.complete(new ChallengeResult(false, false, false, "no camera result for the "
                            + "challenge label " + unit.code + " within " + r.verdictTimeout().toMillis() + " ms"));
                } else {
                    settle(unit, Judgement.timedOut());
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Units still to send for a job of {@code quantity}: quantity - verified - awaiting a verdict, read
     * together under the matcher's lock (verdicts update {@code verified} under it).
     */
    long stillNeeded(long quantity, java.util.function.LongSupplier verified) {
        lock.lock();
        try {
            return quantity - verified.getAsLong() - pending.size();
        } finally {
            lock.unlock();
        }
    }

    /** Units sent and not yet judged (challenge units included). */
    int awaiting() {
        lock.lock();
        try {
            return pending.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops judging and runs {@code books} (voiding what is in flight) under the matcher's lock, so
     * no verdict can land in between; pending units and buffered results are dropped.
     *
     * @return the real (non-challenge) units that were pending
     */
    List<Long> halt(Runnable books) {
        lock.lock();
        try {
            accepting = false;
            List<Long> dropped = new ArrayList<>();
            for (PendingUnit p : pending) {
                if (p.isChallenge()) {
                    p.challenge.complete(new ChallengeResult(false, false, false, "line stopped before the verdict"));
                } else {
                    dropped.add(p.unitId);
                }
            }
            pending.clear();
            frames.clear();
            books.run();
            return dropped;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Voids one unit in flight by a supervisor's decision: {@code books} writes the ledger under the
     * matcher's lock; the unit keeps its place so the camera result of its label is still consumed.
     */
    void voidPending(long unitId, Runnable books) {
        lock.lock();
        try {
            books.run();
            for (PendingUnit p : pending) {
                if (p.unitId == unitId) {
                    p.voided = true;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private void pair() {
        while (accepting && !frames.isEmpty() && !pending.isEmpty() && pending.peekFirst().printedAt != null) {
            settle(pending.pollFirst(), null, frames.pollFirst());
        }
    }

    private void settle(PendingUnit unit, Judgement judgement) {
        settle(unit, judgement, null);
    }

    private void settle(PendingUnit unit, Judgement given, ReadResult result) {
        JobRules r = rules;
        Judgement j = given != null ? given : Judgement.of(unit, result, r.minimum(), r.level(), withoutSelf(unit),
                content -> ledger.codeState(content).isPresent());
        if (unit.isChallenge()) {
            settleChallenge(unit, j);
            return;
        }
        if (unit.voided) {
            return;
        }
        String actor = CodeLedger.SYSTEM;
        if (j.verified()) {
            ledger.verify(unit.unitId, j.grade().isEmpty() ? null : j.grade(), actor);
            consecutiveRejects = 0;
        } else {
            ledger.reject(unit.unitId, j.reason(), j.grade().isEmpty() ? null : j.grade(), actor);
            consecutiveRejects++;
            LOG.info("unit {} ({}) rejected: {}{}", unit.unitId, unit.code, j.reason(),
                    j.read().isEmpty() ? "" : ", read '" + j.read() + "'");
            gate.fire(unit.unitId, unit.code);
        }
        events.judged(new UnitVerdict(unit.unitId, unit.seq, unit.code, j.verified(), j.reason(), j.grade(),
                clock.instant()), j);
        if (!j.verified() && consecutiveRejects >= r.consecutiveRejectLimit()) {
            events.stop(StopCause.fault("rejects.consecutive", consecutiveRejects + " rejects in a row (limit "
                    + r.consecutiveRejectLimit() + "), last unit " + unit.unitId + " code " + unit.code + ": "
                    + j.reason()));
        }
    }

    private Set<String> withoutSelf(PendingUnit unit) {
        if (!known.contains(unit.canonical)) {
            return known;
        }
        Set<String> others = new HashSet<>(known);
        others.remove(unit.canonical);
        return others;
    }

    private void settleChallenge(PendingUnit unit, Judgement j) {
        if (j.verified()) {
            unit.challenge.complete(new ChallengeResult(false, false, false,
                    "the verifier ACCEPTED the deliberately wrong label " + unit.code));
            return;
        }
        gate.fireChallenge(unit.unitId).whenComplete((confirmed, error) -> {
            if (error != null) {
                unit.challenge.complete(new ChallengeResult(false, true, false, "verifier rejected it (" + j.reason()
                        + ") but the gate failed: " + rootMessage(error)));
            } else if (!confirmed) {
                unit.challenge.complete(new ChallengeResult(false, true, false, "verifier rejected it (" + j.reason()
                        + ") but the gate did not confirm"));
            } else {
                unit.challenge.complete(new ChallengeResult(true, true, true, "verifier rejected the wrong label ("
                        + j.reason() + ") and the gate fired"));
            }
        });
    }

    static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c != c.getCause()) {
            c = c.getCause();
        }
        return c.getMessage() == null ? c.toString() : c.getMessage();
    }

    /** For tests and logs: results dropped while not judging. */
    long strayResults() {
        lock.lock();
        try {
            return strayResults;
        } finally {
            lock.unlock();
        }
    }
}

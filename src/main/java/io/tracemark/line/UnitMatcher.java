package io.tracemark.line;

import io.tracemark.core.TraceLevel;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.verify.Grade;
import io.tracemark.verify.ReadResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pairs camera results with the units they show ({@link ReadPairing}: by trigger number when the
 * reader gives one, else by order within the capture epoch and by content), then judges the content
 * against the unit's expected content ({@link Judgement}). The verdict is written to the ledger
 * first: a reject then fires the gate ({@link RejectActuator}); a good verdict is reported to the line
 * once durable, without holding up the next results (its write may share a commit with the writes
 * that follow, see {@link io.tracemark.store.GroupCommit#later}); a verdict that cannot be written still
 * fires the gate (rejecting is always safe) and stops the line. One lock guards the queues and the
 * verdict writes, so a stop can void what is in flight without racing a verdict. A verdict costs the
 * same whatever the size of the job.
 */
final class UnitMatcher {

    private static final Logger LOG = LoggerFactory.getLogger(UnitMatcher.class);

    /** What the matcher tells the line. Called with the matcher's lock held: must not block. */
    interface Events {
        void judged(UnitVerdict verdict, Judgement judgement);

        /** The challenge label was judged (it must be rejected); it counts nowhere, the live view shows it. */
        default void challengeJudged(UnitVerdict verdict, Judgement judgement) {
        }

        void stop(StopCause cause);

        /** A unit was judged good and is no longer awaiting its result; its verdict is being written. */
        default void decided() {
        }

        /**
         * Whether more units are being sent, so that their results will bring the line here again soon.
         * Asked on the writer's thread: must not take the matcher's lock nor block.
         */
        default boolean moreComing() {
            return false;
        }
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final ReadPairing pairing;
    /** Canonical content of the job's units, to the unit id (0 when loaded from the ledger on a restart). */
    private final Map<String, Long> known = new HashMap<>();
    private final CodeLedger ledger;
    private final Clock clock;
    private final Events events;
    private final RejectActuator gate;
    /** Where a verdict whose write completed is told to the line (its own thread). */
    private final java.util.concurrent.Executor written;
    private volatile JobRules rules;
    /** Units judged good whose VERIFIED is not yet durable: neither awaiting a result nor counted verified. */
    private volatile int writing;
    /**
     * Good verdicts made durable while units await a result or more are being sent: the line hears of
     * them at the start of its next event here (the next result, timeout check or stop), not by an event
     * of their own (a wake-up of the line's thread per verdict); the verdict watchdog's check comes at
     * least every second. Otherwise a durable verdict is posted at once; a failed write always is (its
     * unit must be rejected by the gate). The
     * writer's thread never takes the matcher's lock (the line's thread waits for the writer under it):
     * it reads {@link #awaitingNow}, which every event here publishes on the way out.
     */
    private final java.util.concurrent.ConcurrentLinkedQueue<Durable> durable =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** Units awaiting a result, as of the last event here (for the writer's thread). */
    private volatile int awaitingNow;

    private record Durable(PendingUnit unit, Judgement judgement) {
    }
    private int consecutiveRejects;

    /** The rules of the job being judged. */
    record JobRules(TraceLevel level, Grade minimum, int consecutiveRejectLimit, Duration verdictTimeout) {
    }

    UnitMatcher(CodeLedger ledger, Clock clock, RejectActuator gate, Events events,
                java.util.concurrent.Executor written) {
        this.ledger = ledger;
        this.written = written;
        this.clock = clock;
        this.gate = gate;
        this.events = events;
        this.pairing = new ReadPairing(new ReadPairing.Decisions() {
            @Override
            public void paired(PendingUnit unit, ReadResult result) {
                settle(unit, null, result);
            }

            @Override
            public void missed(PendingUnit unit) {
                LOG.warn("unit {} ({}): no camera result for its label", unit.unitId, unit.code);
                boolean silent = pairing.silentSince(unit.printedAt);
                if (unit.isChallenge()) {
                    unit.challenge.complete(new ChallengeResult(false, false, false, "no camera result for the "
                            + "challenge label " + unit.code));
                } else {
                    settle(unit, Judgement.timedOut(), null);
                }
                if (silent) {
                    // no result at all since the label came out: the camera is silent, not the label missing
                    events.stop(StopCause.fault("scanner.silent", "no camera result since unit " + unit.unitId
                            + " (" + unit.code + ") was printed; check the camera and its link"));
                }
            }

            @Override
            public void discarded(ReadResult result, String why) {
                LOG.debug("camera result discarded: {}", why);
            }

            @Override
            public void voidedLabelSeen(PendingUnit unit, ReadResult result) {
                // its code is VOIDED: the product must not ship, and rejecting is always safe
                LOG.warn("the label of unit {} ({}), voided in flight, reached the camera: the gate throws it out",
                        unit.unitId, unit.code);
                gate.fire(unit.unitId, unit.code);
            }
        });
    }

    /**
     * Starts judging for a job, in a new capture epoch; {@code knownContent} are the canonical contents
     * of its units so far. Results of labels from before still pass and are discarded.
     */
    void begin(JobRules jobRules, Set<String> knownContent) {
        lock.lock();
        try {
            this.rules = jobRules;
            known.clear();
            for (String content : knownContent) {
                known.put(content, 0L);
            }
            consecutiveRejects = 0;
            pairing.begin(clock.instant(), !jobRules.level().sharesCodeAcrossUnits());
        } finally {
            lock.unlock();
        }
    }

    /** A unit was sent (or is about to be): expect its label. */
    void expect(PendingUnit unit) {
        lock.lock();
        try {
            pairing.expect(unit);
            if (!unit.isChallenge()) {
                known.put(unit.canonical, unit.unitId);
            }
            awaitingNow = pairing.live();
        } finally {
            lock.unlock();
        }
    }

    /** The printer confirmed these units' labels came out, in order. */
    void printed(List<Long> unitIds) {
        lock.lock();
        try {
            tellDurable();
            Instant now = clock.instant();
            for (long unitId : unitIds) {
                pairing.printed(unitId, now);
            }
        } finally {
            published();
        }
    }

    /** A camera result arrived (also while the line is stopped: it may be the label of a unit in flight at the stop). */
    void result(ReadResult result) {
        lock.lock();
        try {
            tellDurable();
            pairing.read(result, clock.instant());
        } finally {
            published();
        }
    }

    /**
     * Rejects (missing-label) the oldest printed units whose camera result is overdue (see
     * {@link ReadPairing#expire}).
     *
     * @param decoderHoldsFrames the job's scanner is decoding frames the station holds
     */
    void checkTimeouts(boolean decoderHoldsFrames) {
        lock.lock();
        try {
            tellDurable();
            JobRules r = rules;
            if (r != null) {
                pairing.expire(clock.instant(), r.verdictTimeout(), decoderHoldsFrames);
            }
        } finally {
            published();
        }
    }

    /**
     * When {@link #checkTimeouts} can next find something overdue (see {@link ReadPairing#nextExpiry});
     * empty when nothing can be before another event.
     */
    java.util.Optional<Instant> nextExpiry(boolean decoderHoldsFrames) {
        lock.lock();
        try {
            JobRules r = rules;
            return r == null ? java.util.Optional.empty() : pairing.nextExpiry(r.verdictTimeout(), decoderHoldsFrames);
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
            return quantity - verified.getAsLong() - pairing.live() - writing;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Units sent and not yet judged in this epoch (challenge units included); units judged good whose
     * verdict is still being written are judged (they are not on the belt without a verdict).
     */
    int awaiting() {
        lock.lock();
        try {
            return pairing.live();
        } finally {
            lock.unlock();
        }
    }

    /** Units awaiting a verdict whose label the printer confirmed. */
    int awaitingPrinted() {
        lock.lock();
        try {
            return pairing.livePrinted();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Stops judging and runs {@code books} (voiding what is in flight) under the matcher's lock, so
     * no verdict can land in between. Units the printer confirmed stay as settled slots: their results
     * are recognised and discarded when they come.
     */
    void halt(Runnable books) {
        lock.lock();
        try {
            tellDurable();
            pairing.haltEach(p -> {
                if (p.isChallenge()) {
                    p.challenge.complete(new ChallengeResult(false, false, false, "line stopped before the verdict"));
                }
            });
            books.run();
        } finally {
            published();
        }
    }

    /**
     * Voids one unit in flight by a supervisor's decision: {@code books} writes the ledger under the
     * matcher's lock; the unit keeps its place so the camera result of its label is still consumed.
     */
    void voidPending(long unitId, Runnable books) {
        lock.lock();
        try {
            tellDurable();
            books.run();
            pairing.voided(unitId);
        } finally {
            published();
        }
    }

    /** Results discarded as stale or extra and units missed, since the line was built. */
    ReadPairing.Counts pairingCounts() {
        lock.lock();
        try {
            return pairing.counts();
        } finally {
            lock.unlock();
        }
    }

    private void settle(PendingUnit unit, Judgement given, ReadResult result) {
        JobRules r = rules;
        Judgement j = given != null ? given : Judgement.of(unit, result, r.minimum(), r.level(),
                content -> otherUnit(content, unit.unitId), content -> ledger.codeState(content).isPresent());
        if (unit.isChallenge()) {
            settleChallenge(unit, j);
            return;
        }
        String actor = CodeLedger.SYSTEM;
        if (j.verified()) {
            // durable before the line hears of it; the write may share a commit with the next ones
            writing++;
            consecutiveRejects = 0;
            ledger.verifyLater(unit.unitId, j.grade().isEmpty() ? null : j.grade(), actor)
                    .whenComplete((done, error) -> written(unit, j, error));
            events.decided();
            return;
        }
        LOG.info("unit {} ({}) rejected: {}{}", unit.unitId, unit.code, j.reason(),
                j.read().isEmpty() ? "" : ", read '" + j.read() + "'");
        try {
            ledger.reject(unit.unitId, j.reason(), j.grade().isEmpty() ? null : j.grade(), actor);
        } catch (RuntimeException e) {
            unwritten(unit, "REJECTED", e);
            return;
        }
        consecutiveRejects++;
        gate.fire(unit.unitId, unit.code);
        events.judged(new UnitVerdict(unit.unitId, unit.seq, unit.code, false, j.reason(), j.grade(),
                clock.instant()), j);
        if (consecutiveRejects >= r.consecutiveRejectLimit()) {
            events.stop(StopCause.fault("rejects.consecutive", consecutiveRejects + " rejects in a row (limit "
                    + r.consecutiveRejectLimit() + "), last unit " + unit.unitId + " code " + unit.code + ": "
                    + j.reason()));
        }
    }

    /**
     * The VERIFIED of {@code unit} is durable (or failed: {@code error}); on the writer's thread. Kept
     * for the line's next event while units await a result (one of them brings it), else posted.
     */
    private void written(PendingUnit unit, Judgement j, Throwable error) {
        if (error == null && deferrable()) {
            durable.add(new Durable(unit, j));
            if (deferrable()) {
                return; // the line's next event here tells it (see published())
            }
            written.execute(this::tellDurableNow);
            return;
        }
        written.execute(() -> verifiedWritten(unit, j, error));
    }

    /** Whether the line will come here again soon by itself (a unit awaits a result, more are sent). */
    private boolean deferrable() {
        return awaitingNow > 0 || events.moreComing();
    }

    /** Units awaiting a result as of the last event here, and units whose good verdict is being written. */
    int inFlightNow() {
        return awaitingNow + writing;
    }

    /** Tells the line the durable verdicts kept for it now (no more units are being sent); on the line's thread. */
    void flushDurable() {
        lock.lock();
        try {
            tellDurable();
        } finally {
            published();
        }
    }

    private void tellDurableNow() {
        lock.lock();
        try {
            tellDurable();
        } finally {
            published();
        }
    }

    /** The VERIFIED of {@code unit} is durable (or failed: {@code error}); on the line's thread. */
    private void verifiedWritten(PendingUnit unit, Judgement j, Throwable error) {
        lock.lock();
        try {
            tellDurable();
            writtenNow(unit, j, error);
        } finally {
            published();
        }
    }

    /**
     * Ends an event of the line here (lock held; releases it): publishes the units awaiting a result
     * for the writer's thread, then, with none left, tells the durable verdicts the writer kept meanwhile
     * (the writer either sees the count or its verdict is seen here).
     */
    private void published() {
        try {
            awaitingNow = pairing.live();
            if (!durable.isEmpty() && !deferrable()) {
                tellDurable();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Tells the line of the durable verdicts kept for it, in order; on the line's thread, lock held. */
    private void tellDurable() {
        Durable d;
        while ((d = durable.poll()) != null) {
            writtenNow(d.unit(), d.judgement(), null);
        }
    }

    private void writtenNow(PendingUnit unit, Judgement j, Throwable error) {
        writing--;
        if (error != null) {
            // not on the books as good: it must not go on as good
            unwritten(unit, "VERIFIED", error);
            return;
        }
        events.judged(new UnitVerdict(unit.unitId, unit.seq, unit.code, true, j.reason(), j.grade(),
                clock.instant()), j);
    }

    /** Whether {@code content} is that of another unit of this job than {@code unitId}. */
    private boolean otherUnit(String content, long unitId) {
        Long owner = known.get(content);
        return owner != null && owner != unitId;
    }

    /**
     * The verdict could not be written (storage failing): the unit is thrown out by the gate (rejecting
     * is always safe) and the line stops; the unit stays SENT and is voided with the units in flight.
     */
    private void unwritten(PendingUnit unit, String verdict, Throwable e) {
        LOG.error("unit {} ({}): {} could not be written: {}", unit.unitId, unit.code, verdict, rootMessage(e));
        gate.fire(unit.unitId, unit.code);
        events.stop(StopCause.fault("storage.failed", "the verdict " + verdict + " of unit " + unit.unitId + " ("
                + unit.code + ") could not be written (" + rootMessage(e) + "); the unit was rejected by the gate. "
                + "Free disk space or fix the data directory, then clear the fault and restart the job"));
    }

    private void settleChallenge(PendingUnit unit, Judgement j) {
        events.challengeJudged(new UnitVerdict(unit.unitId, unit.seq, unit.code, j.verified(), j.reason(), j.grade(),
                clock.instant()), j);
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

}

package io.tracemark.line;

import io.tracemark.verify.Content;
import io.tracemark.verify.ReadResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Which camera result belongs to which printed label. Pure logic, no I/O, not thread-safe (the
 * {@link UnitMatcher} calls it under its lock); each call costs the same whatever the size of the job.
 *
 * <p>The labels pass the camera in print order, so the queue of slots is the order of the printer.
 * A slot is a unit awaiting its verdict, or a settled slot: a unit of an earlier capture epoch (in
 * flight when the line stopped, voided, but printed: its label still passes the camera) or a unit
 * settled without a read (timed out). A result that lands on a settled slot is recognised, counted and
 * discarded; it is never paired with another unit.
 *
 * <ul>
 *   <li>Results with a trigger number (virtual camera, generic reader with numbers, readers that number
 *       their triggers): the first one anchors the numbering to the head slot; afterwards the number
 *       says which slot a result belongs to. A number ahead of the head means the slots in between got
 *       no result (missing); a number behind it is a late or extra result (discarded). A jump beyond
 *       what can be in flight (a reader restarted and counts again) anchors anew.</li>
 *   <li>Results without one: by order within the epoch; for item-level codes, a late result of a unit
 *       already settled without a read is recognised by its content and discarded.</li>
 * </ul>
 *
 * <p>Units the printer did not confirm when the line stopped may or may not have printed: their slots
 * stay, marked maybe. For item-level codes a result whose content is that of a later slot shows that
 * the settled labels before it never came out, and their slots go; otherwise a slot is taken as printed.
 */
final class ReadPairing {

    /** A far jump of the trigger numbering: the reader restarted or was replaced. */
    private static final long REANCHOR_DISTANCE = 1_000;
    /** Settled slots kept at most while no result comes (a dead camera must not grow the queue). */
    private static final int MAX_SETTLED = 4_096;
    /** Contents of units timed out without a read, kept to recognise their late results (no trigger numbers). */
    private static final int RECENT_TIMED_OUT = 256;

    /** What pairing decided. Called synchronously from the pairing methods. */
    interface Decisions {
        /** {@code result} is the camera's view of {@code unit}. */
        void paired(PendingUnit unit, ReadResult result);

        /** {@code unit} was printed and no result for it came (timed out, or skipped by the trigger numbers). */
        void missed(PendingUnit unit);

        /** {@code result} belongs to no unit awaiting a verdict: {@code why} is stale or extra, and how. */
        void discarded(ReadResult result, String why);

        /**
         * {@code result} is the camera's view of {@code unit}, voided while its label was on its way (in
         * flight at a stop, or voided by a supervisor): the product carries a code that is not valid and
         * must not ship. Told after {@link #discarded}.
         */
        void voidedLabelSeen(PendingUnit unit, ReadResult result);
    }

    private final Decisions decisions;
    private final ArrayDeque<PendingUnit> slots = new ArrayDeque<>();
    private final ArrayDeque<ReadResult> results = new ArrayDeque<>();
    private final Map<String, Boolean> timedOut = new LinkedHashMap<>(16, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > RECENT_TIMED_OUT;
        }
    };
    private boolean itemLevel = true;
    private boolean accepting;
    private int epoch;
    private int live;
    private int settledSlots;
    private long nextTrigger = -1;
    /** The next numbered result that waits for a later read to place it is taken as it is (it waited too long). */
    private boolean forced;
    private Instant epochStart = Instant.EPOCH;
    /** When the latest result arrived (EPOCH before any): the one record of the camera's last sign of life. */
    private Instant lastArrival = Instant.EPOCH;
    /** When the first unit of this epoch was sent, null before. */
    private Instant firstSent;
    private long stale;
    private long voidedSeen;
    private long extra;
    private long missed;

    ReadPairing(Decisions decisions) {
        this.decisions = decisions;
    }

    /**
     * Begins a capture epoch: units expected from now on belong to it. Settled slots of earlier epochs
     * stay (their labels may still pass the camera) and expire {@code timeout} after now.
     *
     * @param itemLevelCodes whether every unit has its own content (content then tells units apart)
     */
    void begin(Instant now, boolean itemLevelCodes) {
        firstSent = null;
        epoch++;
        epochStart = now;
        itemLevel = itemLevelCodes;
        accepting = true;
        pair();
    }

    /**
     * Ends the epoch: units the printer confirmed become settled slots (their results will be
     * discarded), units it did not confirm are dropped as not printed; the caller voids them all.
     */
    void halt() {
        haltEach(unit -> { });
    }

    /** {@link #halt()}, telling {@code each} about every unit that was awaiting its verdict. */
    void haltEach(java.util.function.Consumer<PendingUnit> each) {
        accepting = false;
        Iterator<PendingUnit> it = slots.iterator();
        while (it.hasNext()) {
            PendingUnit slot = it.next();
            if (slot.settled) {
                continue;
            }
            each.accept(slot);
            live--;
            slot.settled = true;
            slot.voided = true;
            settledSlots++;
            if (slot.printedAt == null) {
                slot.maybe = true;
            }
        }
        trimSettled();
    }

    /** A unit is about to be sent: its label comes after every label sent before. */
    void expect(PendingUnit unit) {
        unit.epoch = epoch;
        if (firstSent == null) {
            firstSent = unit.sentAt;
        }
        slots.addLast(unit);
        live++;
    }

    /** The printer confirmed the unit's label came out. Linear in the units in flight (bounded). */
    void printed(long unitId, Instant at) {
        for (PendingUnit slot : slots) {
            if (slot.unitId == unitId && !slot.settled) {
                slot.printedAt = at;
                break;
            }
        }
        pair();
    }

    /** A camera result arrived (at the time it was taken). */
    void read(ReadResult result) {
        read(result, result.at());
    }

    /** A camera result arrived at {@code arrived}. */
    void read(ReadResult result, Instant arrived) {
        if (lastArrival.isBefore(arrived)) {
            lastArrival = arrived;
        }
        results.addLast(result);
        pair();
    }

    /**
     * Settles units whose result is overdue: the head, printed more than {@code timeout} ago, with no
     * result waiting. Without trigger numbers, settled slots of an old epoch expire {@code timeout}
     * after the epoch began.
     *
     * <p>While the station's own decoder still holds frames and keeps delivering results (one within
     * the timeout, or the epoch began within it), nothing is overdue: a slow frame ahead of a good one
     * must not make the good one "missing", and the units in flight are bounded. A decoder that
     * delivers nothing for a whole timeout is no excuse.
     *
     * @param decoderHoldsFrames whether the station's own decoder holds frames it has not turned into
     *                           results yet
     */
    void expire(Instant now, Duration timeout, boolean decoderHoldsFrames) {
        Instant progress = later(lastArrival, epochStart);
        boolean resultsOnTheWay = decoderHoldsFrames && !progress.plus(timeout).isBefore(now);
        if (accepting && !results.isEmpty() && Duration.between(results.peekFirst().at(), now).compareTo(timeout) > 0) {
            forced = true; // no later read came to place the waiting result: take the numbering as it is
            pair();
            forced = false;
        }
        if (!accepting || !results.isEmpty()) {
            return;
        }
        if (resultsOnTheWay) {
            return;
        }
        if (anchored()) {
            expireNumbered(now, timeout);
            return;
        }
        while (!slots.isEmpty()) {
            PendingUnit head = slots.peekFirst();
            Instant since = head.settled ? later(head.printedAt, epochStart) : head.printedAt;
            if (since == null || Duration.between(since, now).compareTo(timeout) <= 0) {
                return;
            }
            removeHead();
            if (!head.settled) {
                if (itemLevel) {
                    timedOut.put(head.canonical, Boolean.TRUE);
                }
                missed++;
                decisions.missed(head);
            }
        }
    }

    /**
     * The earliest time at which {@link #expire} with these arguments can settle or pair something
     * (it acts once the time is after it); empty when nothing can be overdue before another result,
     * print or epoch comes. Linear in the units in flight (bounded).
     */
    Optional<Instant> nextExpiry(Duration timeout, boolean decoderHoldsFrames) {
        if (!accepting) {
            return Optional.empty();
        }
        if (!results.isEmpty()) {
            return Optional.of(results.peekFirst().at().plus(timeout));
        }
        Instant since = null;
        if (anchored()) {
            for (PendingUnit slot : slots) {
                if (!slot.settled) {
                    since = slot.printedAt;
                    break;
                }
            }
        } else if (!slots.isEmpty()) {
            PendingUnit head = slots.peekFirst();
            since = head.settled ? later(head.printedAt, epochStart) : head.printedAt;
        }
        if (since == null) {
            return Optional.empty();
        }
        Instant due = since.plus(timeout);
        if (decoderHoldsFrames) {
            due = later(due, later(lastArrival, epochStart).plus(timeout));
        }
        return Optional.of(due);
    }

    /**
     * With trigger numbers every slot keeps its number until a result passes it: an overdue unit is
     * settled in place (its late result is then recognised), settled slots stay.
     */
    private void expireNumbered(Instant now, Duration timeout) {
        for (PendingUnit slot : slots) {
            if (slot.settled) {
                continue;
            }
            if (slot.printedAt == null || Duration.between(slot.printedAt, now).compareTo(timeout) <= 0) {
                return;
            }
            slot.settled = true;
            live--;
            settledSlots++;
            missed++;
            decisions.missed(slot);
        }
        trimSettled();
    }

    /** A supervisor voided a unit in flight: it keeps its place; its result is discarded. */
    void voided(long unitId) {
        for (PendingUnit slot : slots) {
            if (slot.unitId == unitId && !slot.settled) {
                slot.settled = true;
                slot.voided = true;
                live--;
                settledSlots++;
                if (slot.printedAt == null) {
                    slot.printedAt = Instant.EPOCH.plusMillis(1); // sent, so expected at the camera
                }
                return;
            }
        }
    }

    /** Whether no result has arrived since {@code printedAt} (none at all, or a label not confirmed printed). */
    boolean silentSince(Instant printedAt) {
        return printedAt == null || lastArrival.isBefore(printedAt);
    }

    /** Units sent and awaiting a verdict in this epoch (settled slots not counted). */
    int live() {
        return live;
    }

    /** Units awaiting a verdict whose label the printer confirmed (their result should come). Linear in the units in flight. */
    int livePrinted() {
        int n = 0;
        for (PendingUnit slot : slots) {
            if (!slot.settled && slot.printedAt != null) {
                n++;
            }
        }
        return n;
    }

    /** Whether no result is waiting for its unit and no unit for its result. */
    boolean idle() {
        return live == 0 && results.isEmpty();
    }

    /**
     * Results recognised as stale (for a settled unit or an older epoch), extra, units missed, and stale
     * results that were of a voided unit's label (thrown out by the gate).
     */
    Counts counts() {
        return new Counts(stale, extra, missed, voidedSeen);
    }

    record Counts(long stale, long extra, long missed, long voidedSeen) {
    }

    private void pair() {
        while (!results.isEmpty()) {
            ReadResult result = results.peekFirst();
            dropEarlierEpochs(result);
            boolean progressed = result.trigger().isPresent() ? pairNumbered(result, result.trigger().getAsLong())
                    : pairInOrder(result);
            if (!progressed) {
                return;
            }
        }
    }

    /**
     * A result taken after the first label of this epoch was sent is not of a label of an earlier epoch:
     * those came out before the line stopped (an orderly stop judges them, an abort cancels the
     * printer's queue) and passed the camera while the line was restarted, so the settled slots of
     * earlier epochs still at the head got no result and go. A result taken before (decoded late)
     * still finds them.
     */
    private void dropEarlierEpochs(ReadResult result) {
        if (firstSent == null || !result.at().isAfter(firstSent)) {
            return;
        }
        while (!slots.isEmpty() && slots.peekFirst().settled && slots.peekFirst().epoch < epoch) {
            removeHead();
        }
    }

    /** Pairs by trigger number; false when the result must wait. */
    private boolean pairNumbered(ReadResult result, long trigger) {
        if (slots.isEmpty()) {
            results.pollFirst();
            if (anchored()) {
                nextTrigger = Math.max(nextTrigger, trigger + 1);
            }
            discard(result, accepting ? "extra" : "stray", "result " + trigger + " with no label expected");
            return true;
        }
        if (!anchored() || trigger < nextTrigger - REANCHOR_DISTANCE
                || trigger > nextTrigger + slots.size() + REANCHOR_DISTANCE) {
            nextTrigger = trigger;
        }
        if (trigger < nextTrigger) {
            results.pollFirst();
            discard(result, "stale", "result " + trigger + " after result " + (nextTrigger - 1));
            return true;
        }
        while (trigger > nextTrigger && !slots.isEmpty()) {
            PendingUnit skipped = removeHead();
            nextTrigger++;
            if (!skipped.settled) {
                missed++;
                decisions.missed(skipped);
            }
        }
        if (!slots.isEmpty() && mustAlign(result)) {
            OptionalInt slot = slotOfTrigger(trigger);
            if (slot.isEmpty() && !forced) {
                return false;
            }
            slot.ifPresent(this::dropMaybeBefore);
        }
        results.pollFirst();
        if (slots.isEmpty()) {
            nextTrigger = trigger + 1;
            discard(result, "extra", "result " + trigger + " beyond the labels in flight");
            return true;
        }
        if (dropNeverPrinted(result)) {
            results.addFirst(result);
            return true;
        }
        PendingUnit head = removeHead();
        nextTrigger++;
        if (head.settled) {
            discard(result, "stale", "result " + trigger + " for unit " + head.unitId + ", already settled");
            voidedSeen(head, result);
        } else {
            decisions.paired(head, result);
        }
        return true;
    }

    /** Pairs by order (and content for item-level codes); false when the result must wait. */
    private boolean pairInOrder(ReadResult result) {
        PendingUnit head = slots.peekFirst();
        if (head == null) {
            results.pollFirst();
            discard(result, accepting ? "extra" : "stray", "result with no label expected");
            return true;
        }
        String content = itemLevel && result instanceof ReadResult.Read read
                ? Content.canonical(read.data(), read.symbologyId()) : null;
        if (head.settled) {
            if (dropNeverPrinted(result)) {
                return true;
            }
            results.pollFirst();
            removeHead();
            discard(result, "stale", "result for unit " + head.unitId + " of an earlier epoch or already voided");
            voidedSeen(head, result);
            return true;
        }
        if (content != null && !content.equals(head.canonical) && timedOut.remove(content) != null) {
            results.pollFirst();
            discard(result, "stale", "late result of a unit already settled as missing");
            return true;
        }
        if (head.printedAt == null) {
            return false;
        }
        results.pollFirst();
        removeHead();
        decisions.paired(head, result);
        return true;
    }

    /**
     * Whether a numbered result cannot be placed yet: it shows no content (a no-read), the head is a
     * label the printer never confirmed (it may never have come out) and a unit awaiting its verdict is
     * behind it. Taking the head would shift every later unit by one label; a later read of this epoch
     * tells by its content and number which slot this result is for.
     */
    private boolean mustAlign(ReadResult result) {
        PendingUnit head = slots.peekFirst();
        return itemLevel && head.settled && head.maybe && !(result instanceof ReadResult.Read) && live > 0;
    }

    /**
     * The index in {@link #slots} of the label that trigger {@code trigger} saw, from the first later
     * waiting read whose content is that of a slot: slot j read at number n puts {@code trigger} at
     * j - (n - trigger). Empty while no such read has come.
     */
    private OptionalInt slotOfTrigger(long trigger) {
        boolean first = true;
        for (ReadResult later : results) {
            if (first) {
                first = false;
                continue;
            }
            if (!(later instanceof ReadResult.Read read) || later.trigger().isEmpty()) {
                continue;
            }
            String content = Content.canonical(read.data(), read.symbologyId());
            int index = 0;
            for (PendingUnit slot : slots) {
                if (content.equals(slot.canonical)) {
                    return OptionalInt.of(index - (int) (later.trigger().getAsLong() - trigger));
                }
                index++;
            }
        }
        return OptionalInt.empty();
    }

    /** Removes the never-confirmed settled slots before {@code index}: their labels never came out. */
    private void dropMaybeBefore(int index) {
        if (index <= 0) {
            return;
        }
        int removable = 0;
        for (PendingUnit slot : slots) {
            if (removable == index || !slot.settled || !slot.maybe) {
                break;
            }
            removable++;
        }
        if (removable < index) {
            return; // the content points past a label that did come out: keep to the numbering
        }
        for (int i = 0; i < removable; i++) {
            removeHead();
        }
    }

    /**
     * For item-level codes, whether the settled slots at the head are shown never to have come out: the
     * result's content is that of a later settled slot or of the first live unit, not the head's. Those
     * slots before it go (the printer counted labels it never delivered) and the result stays, to be
     * paired again.
     */
    private boolean dropNeverPrinted(ReadResult result) {
        PendingUnit head = slots.peekFirst();
        if (head == null || !head.settled || !itemLevel || !(result instanceof ReadResult.Read read)) {
            return false;
        }
        String content = Content.canonical(read.data(), read.symbologyId());
        if (content.equals(head.canonical)) {
            return false;
        }
        int before = 0;
        for (PendingUnit slot : slots) {
            if (content.equals(slot.canonical)) {
                for (int i = 0; i < before; i++) {
                    removeHead();
                }
                return true;
            }
            if (!slot.settled) {
                return false;
            }
            before++;
        }
        return false;
    }

    private PendingUnit removeHead() {
        PendingUnit head = slots.pollFirst();
        if (head.settled) {
            settledSlots--;
        } else {
            live--;
        }
        return head;
    }

    private void trimSettled() {
        while (settledSlots > MAX_SETTLED && slots.peekFirst() != null && slots.peekFirst().settled) {
            removeHead();
            nextTrigger = -1;
        }
    }

    private void discard(ReadResult result, String kind, String why) {
        if ("stale".equals(kind)) {
            stale++;
        } else {
            extra++;
        }
        decisions.discarded(result, kind + ": " + why);
    }

    private void voidedSeen(PendingUnit slot, ReadResult result) {
        if (slot.voided) {
            voidedSeen++;
            decisions.voidedLabelSeen(slot, result);
        }
    }

    private boolean anchored() {
        return nextTrigger >= 0;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || a.isBefore(b) ? b : a;
    }
}

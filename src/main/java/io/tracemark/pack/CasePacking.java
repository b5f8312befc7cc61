package io.tracemark.pack;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An inline packing station: a reader at the case packer reads each unit as it goes into the case; the
 * station packs it into the open case, and when the case is full closes it, has its label printed and
 * checked ({@link Labeller}), and puts it on the open pallet, which is closed and labelled in turn when
 * full. A label the camera refuses voids that SSCC; the case gets the next one and is labelled again.
 *
 * <p>One thread owns the station: reads and commands are posted to it, and it alone talks to the label
 * printer and camera (through the labeller), so nothing waits on a device while holding a lock. A unit
 * read before its verdict is in (it left the camera a moment ago) is tried again until
 * {@link Settings#awaitVerdict} has passed; a unit refused by a rule goes to the packer's reject lane
 * (counted, with the last reason kept).
 */
public final class CasePacking implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CasePacking.class);
    private static final long RETRY_MS = 50;

    /**
     * @param caseSize       units per case
     * @param casesPerPallet cases per pallet
     * @param mixJobs        whether a case may hold units of several jobs of one product
     * @param awaitVerdict   how long a unit read before its verdict is tried again
     * @param labelAttempts  labels tried per parent before the station gives up on it (left closed, unlabelled)
     * @param actor          who the journal names for what the station does by itself
     */
    public record Settings(int caseSize, int casesPerPallet, boolean mixJobs, Duration awaitVerdict, int labelAttempts,
                           String actor) {

        public Settings {
            if (caseSize <= 0 || casesPerPallet <= 0 || labelAttempts <= 0) {
                throw new IllegalArgumentException("case size, cases per pallet and label attempts must be > 0");
            }
        }
    }

    /** Prints a parent's label and has the camera read it back. Called on the packing thread only. */
    @FunctionalInterface
    public interface Labeller {
        /**
         * Prints the label of {@code parent} (holding {@code contents}: unit codes, or case SSCCs) and waits for
         * the camera's verdict. Blocks; never throws for a bad label (that is {@link Rejected}).
         */
        LabelOutcome label(Parent parent, List<String> contents);
    }

    /** The camera's verdict on a parent label. */
    public sealed interface LabelOutcome permits Verified, Rejected {
    }

    /** Read back as printed, with its grade. */
    public record Verified(String grade) implements LabelOutcome {
    }

    /** Not read, misread or a device fault; {@code reason} says which. */
    public record Rejected(String reason) implements LabelOutcome {
    }

    /** What the station did so far. */
    public record Counts(long reads, long packed, long refused, long waiting, long casesClosed, long palletsClosed,
                         long labelsVerified, long labelsRejected, Optional<String> lastRefusal,
                         Optional<Sscc> openCase, Optional<Sscc> openPallet) {
    }

    private record Waiting(String code, long until) {
    }

    private final Aggregation packs;
    private final Labeller labeller;
    private final Settings settings;
    private final ScheduledExecutorService thread;
    // owned by the packing thread
    private final Deque<Waiting> waiting = new ArrayDeque<>();
    private Parent box;
    private Parent pallet;
    private long reads;
    private long packed;
    private long refused;
    private long casesClosed;
    private long palletsClosed;
    private long labelsVerified;
    private long labelsRejected;
    private String lastRefusal;
    private volatile Counts counts;
    private final Object changed = new Object();

    public CasePacking(Aggregation packs, Labeller labeller, Settings settings) {
        this.packs = packs;
        this.labeller = labeller;
        this.settings = settings;
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "packing-station");
            t.setDaemon(true);
            return t;
        });
        publish();
        thread.scheduleWithFixedDelay(this::retryWaiting, RETRY_MS, RETRY_MS, TimeUnit.MILLISECONDS);
    }

    /** A unit's code read at the case packer (posted; returns at once). */
    public void childRead(String code) {
        thread.execute(() -> {
            reads++;
            tryPack(code, true);
            publish();
        });
    }

    /**
     * Closes the open case although it is not full (batch end), labels it and puts it on the pallet; then
     * closes the pallet too when {@code pallet} is true. Waits up to {@code within} for the station to do it.
     *
     * @return the counts afterwards
     * @throws PackRefusedException when a rule refuses it (no reason given, say)
     */
    public Counts closePartial(String actor, String reason, boolean closePallet, Duration within) {
        CompletableFuture<Counts> done = new CompletableFuture<>();
        thread.execute(() -> {
            try {
                if (box != null && box.children() > 0) {
                    box = packs.close(box.sscc(), actor, reason);
                    finishCase(actor, reason);
                }
                if (closePallet && pallet != null && pallet.children() > 0) {
                    pallet = packs.close(pallet.sscc(), actor, reason);
                    finishPallet();
                }
                publish();
                done.complete(counts);
            } catch (RuntimeException e) {
                done.completeExceptionally(e);
            }
        });
        return await(done, within);
    }

    /** The counts as of the last thing the station did. */
    public Counts counts() {
        return counts;
    }

    private void tryPack(String code, boolean first) {
        try {
            if (box == null || box.state() != ParentState.OPEN) {
                box = packs.openCase(settings.caseSize(), null, null, settings.mixJobs(), settings.actor());
            }
            box = packs.pack(box.sscc(), code, settings.actor());
            packed++;
            if (box.full()) {
                box = packs.close(box.sscc(), settings.actor(), null);
                finishCase(settings.actor(), null);
            }
        } catch (PackRefusedException e) {
            if (e.refusal() == Refusal.AWAITING_VERDICT && first) {
                waiting.add(new Waiting(code, System.nanoTime() + settings.awaitVerdict().toNanos()));
                return;
            }
            refused++;
            lastRefusal = e.getMessage();
            LOG.warn("packing station: {}", e.getMessage());
        }
    }

    private void retryWaiting() {
        int n = waiting.size();
        for (int i = 0; i < n; i++) {
            Waiting w = waiting.poll();
            if (System.nanoTime() < w.until()) {
                if (!stillWaiting(w.code())) {
                    tryPack(w.code(), false);
                } else {
                    waiting.add(w);
                }
            } else {
                tryPack(w.code(), false);
            }
        }
        if (n > 0) {
            publish();
        }
    }

    /** Whether the unit still has no verdict (tries to pack it when it has one). */
    private boolean stillWaiting(String code) {
        try {
            return packs.awaitingVerdict(code);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The closed case: labelled, then on the pallet. */
    private void finishCase(String actor, String reason) {
        casesClosed++;
        Parent labelled = labelled(box, packs.codesIn(box.sscc()));
        if (pallet == null || pallet.state() != ParentState.OPEN) {
            pallet = packs.openPallet(settings.casesPerPallet(), settings.actor());
        }
        pallet = packs.putOnPallet(pallet.sscc(), labelled.sscc(), actor);
        box = null;
        if (pallet.full()) {
            pallet = packs.close(pallet.sscc(), actor, reason);
            finishPallet();
        }
    }

    private void finishPallet() {
        palletsClosed++;
        labelled(pallet, packs.casesOn(pallet.sscc()).stream().map(p -> p.sscc().digits()).toList());
        pallet = null;
    }

    /** Labels a closed parent until the camera accepts a label; each refused label voids its SSCC. */
    private Parent labelled(Parent parent, List<String> contents) {
        Parent current = parent;
        for (int attempt = 1; attempt <= settings.labelAttempts(); attempt++) {
            packs.labelSent(current.sscc(), settings.actor());
            LabelOutcome outcome = labeller.label(current, contents);
            if (outcome instanceof Verified v) {
                packs.labelVerified(current.sscc(), v.grade(), settings.actor());
                labelsVerified++;
                return packs.parent(current.sscc()).orElseThrow();
            }
            labelsRejected++;
            String why = ((Rejected) outcome).reason();
            LOG.warn("packing station: label of {} {} refused ({}), relabelling", current.kind(), current.sscc(), why);
            current = packs.labelRejected(current.sscc(), why, settings.actor());
        }
        LOG.warn("packing station: {} {} left without a verified label after {} attempts", current.kind(), current.sscc(),
                settings.labelAttempts());
        return current;
    }

    /**
     * Waits until the counts satisfy {@code condition} (checked each time the station has done something),
     * at most {@code within}; returns the counts then, satisfying it or not.
     */
    public Counts awaitCounts(java.util.function.Predicate<Counts> condition, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        synchronized (changed) {
            while (!condition.test(counts)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                TimeUnit.NANOSECONDS.timedWait(changed, left);
            }
            return counts;
        }
    }

    private void publish() {
        Counts before = counts;
        counts = new Counts(reads, packed, refused, waiting.size(), casesClosed, palletsClosed, labelsVerified,
                labelsRejected, Optional.ofNullable(lastRefusal), Optional.ofNullable(box).map(Parent::sscc),
                Optional.ofNullable(pallet).map(Parent::sscc));
        if (!counts.equals(before)) {
            synchronized (changed) {
                changed.notifyAll();
            }
        }
    }

    private static <T> T await(CompletableFuture<T> future, Duration within) {
        try {
            return future.get(within.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the packing station", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("the packing station did not answer within " + within, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package io.tracemark.line;

import io.tracemark.core.DeviceException;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.LedgerException;
import io.tracemark.ledger.Unit;
import io.tracemark.printer.LabelJob;
import io.tracemark.printer.Printer;
import io.tracemark.printer.PrinterFaultException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that feeds the printer: takes codes for the room the printer has, merges their labels,
 * records them SENT in the ledger (durable before the bytes leave), tells the matcher what to expect,
 * then submits them to the printer, which blocks while its look-ahead is full. It sends only while units are still needed and the
 * number awaiting a verdict is under the bound; it pauses between units on request.
 */
final class Feeder implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Feeder.class);
    /** Longest the feeder waits for room in the printer before it sends anyway (and the submit waits). */
    static final java.time.Duration ROOM_WAIT = java.time.Duration.ofMillis(200);

    private final String jobId;
    private final CodeLedger ledger;
    private final CodeSupply supply;
    private final JobLabels labels;
    private final Printer printer;
    private final UnitMatcher matcher;
    private final int maxAwaiting;
    private final IntSupplier stillNeeded;
    private final Consumer<StopCause> stop;
    private final Runnable onSent;
    private final Clock clock;
    private final Object monitor = new Object();
    private volatile boolean running = true;
    private volatile boolean paused;
    private boolean parked;
    /** Counts {@link #wake()} calls (guarded by the monitor), so that a wake just before a wait is not lost. */
    private long wakes;
    private Thread thread;

    Feeder(String jobId, CodeLedger ledger, CodeSupply supply, JobLabels labels, Printer printer, UnitMatcher matcher,
           int maxAwaiting, IntSupplier stillNeeded, Consumer<StopCause> stop, Runnable onSent, Clock clock) {
        this.jobId = jobId;
        this.ledger = ledger;
        this.supply = supply;
        this.labels = labels;
        this.printer = printer;
        this.matcher = matcher;
        this.maxAwaiting = maxAwaiting;
        this.stillNeeded = stillNeeded;
        this.stop = stop;
        this.onSent = onSent;
        this.clock = clock;
    }

    void start() {
        thread = new Thread(this, "line-feeder " + jobId);
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void run() {
        try {
            while (awaitTurn()) {
                if (awaitRoom()) {
                    sendBatch();
                }
            }
        } catch (PrinterFaultException e) {
            stop.accept(StopCause.of(e.status()));
        } catch (DeviceException e) {
            stop.accept(StopCause.fault("printer.fault", e.getMessage()));
        } catch (LedgerException e) {
            stop.accept(StopCause.fault("codes.exhausted", e.getMessage()));
        } catch (io.tracemark.core.StorageException e) {
            stop.accept(LineCore.failureOf(e));
        } catch (RuntimeException e) {
            LOG.error("feeder of job {} failed", jobId, e);
            stop.accept(StopCause.fault("line.error", e.toString()));
        } finally {
            synchronized (monitor) {
                running = false;
                parked = true;
                monitor.notifyAll();
            }
        }
    }

    /**
     * Sends the units the printer has room for now and a printer-full more (its look-ahead), which wait
     * in the printer's submit for the next labels to come out, as far as units are needed and may await
     * a verdict. Their SENT is written in one transaction before the first byte leaves. The matcher
     * expects them all, then they go to the printer together (one write for those it has room for). A
     * unit not written (the printer failed) stays SENT and is voided with the units in flight.
     */
    private void sendBatch() {
        int needed = stillNeeded.getAsInt();
        int n = batchSize(printer.lookAhead() - printer.outstanding().size(), printer.lookAhead(), needed,
                maxAwaiting - matcher.awaiting());
        List<String> codes = new ArrayList<>(n);
        List<String> zpl = new ArrayList<>(n);
        codes.add(supply.next(Math.max(1, needed), CodeLedger.SYSTEM));
        while (codes.size() < n && supply.peek() != null) { // more only from codes at hand, no new allocation
            codes.add(supply.next(needed - codes.size(), CodeLedger.SYSTEM));
        }
        for (String code : codes) {
            zpl.add(labels.unitZpl(code));
        }
        List<Unit> units = codes.size() == 1 ? List.of(ledger.markSent(jobId, codes.get(0), CodeLedger.SYSTEM))
                : ledger.markSent(jobId, codes, CodeLedger.SYSTEM);
        List<LabelJob> jobs = new ArrayList<>(units.size());
        for (int i = 0; i < units.size(); i++) {
            Unit unit = units.get(i);
            matcher.expect(new PendingUnit(unit.id(), unit.seq(), codes.get(i), labels.expectation(codes.get(i)),
                    clock.instant(), null));
            onSent.run();
            jobs.add(new LabelJob(unit.id(), zpl.get(i)));
        }
        printer.submitAll(jobs); // the labels the printer has room for in one write
    }

    /**
     * Units to send at once: what the printer has room for plus {@code waitingForRoom} that wait for room
     * (a single unit when it has none), bounded by the units needed and allowed in flight; at least 1.
     *
     * <p>The feeder passes the printer's look-ahead as {@code waitingForRoom}. A printer that empties its
     * look-ahead between two looks at it then gets the waiting printer-full in one write, and the next
     * two printer-fulls are one commit: 0.19 commits per unit instead of 0.31 with two waiting (look-ahead
     * 4, {@code bench line --reads direct}), the writer's CPU per unit down by a third. The printer never
     * runs dry. The price: a printer fault voids (burns) at most twice the look-ahead of codes SENT and
     * not printed (8 on a Zebra profile, was 6); an orderly stop burns none.
     */
    static int batchSize(int printerRoom, int waitingForRoom, int stillNeeded, int awaitingRoom) {
        int wanted = printerRoom <= 0 ? 1 : printerRoom + waitingForRoom;
        return Math.max(1, Math.min(wanted, Math.min(stillNeeded, awaitingRoom)));
    }

    /**
     * Waits until a unit may be sent; false when the feeder must end. The conditions are read outside
     * the monitor: the matcher calls {@link #wake()} while holding its own lock.
     */
    private boolean awaitTurn() {
        while (true) {
            boolean go = !paused && stillNeeded.getAsInt() > 0 && matcher.awaiting() < maxAwaiting;
            synchronized (monitor) {
                if (!running) {
                    return false;
                }
                if (go && !paused) {
                    parked = false;
                    return true;
                }
                parked = true;
                monitor.notifyAll();
                try {
                    monitor.wait(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
        }
    }

    /**
     * Waits (at most {@link #ROOM_WAIT}) until the printer has room for a label, so that codes are
     * marked SENT only when they can leave at once; false when a pause or the end came first. After
     * the wait it sends anyway: the printer's own submit timeout then tells a stuck printer.
     */
    private boolean awaitRoom() {
        long deadline = System.nanoTime() + ROOM_WAIT.toNanos();
        while (true) {
            long seen;
            synchronized (monitor) {
                if (!running || paused) {
                    return false;
                }
                seen = wakes;
            }
            long left = deadline - System.nanoTime();
            if (printer.outstanding().size() < printer.lookAhead() || left <= 0) {
                return true;
            }
            synchronized (monitor) {
                if (wakes == seen && running && !paused) {
                    try {
                        monitor.wait(Math.max(1, left / 1_000_000));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return false;
                    }
                }
            }
        }
    }

    /** Something changed (a verdict, a label printed, a resume): look again. */
    void wake() {
        synchronized (monitor) {
            wakes++;
            monitor.notifyAll();
        }
    }

    /** Stops sending after the unit in hand (does not wait: see {@link #awaitPaused()}). */
    void requestPause() {
        synchronized (monitor) {
            paused = true;
            monitor.notifyAll();
        }
    }

    /** Returns once the feeder is between units (a submit blocked by the printer completes first). */
    void awaitPaused() {
        synchronized (monitor) {
            awaitParked();
        }
    }

    void resume() {
        synchronized (monitor) {
            paused = false;
            monitor.notifyAll();
        }
    }

    /** Ends the feeder and waits for its thread (a submit in progress completes or fails first). */
    void halt() {
        synchronized (monitor) {
            running = false;
            monitor.notifyAll();
        }
        if (thread != null && thread != Thread.currentThread()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitParked() {
        while (running && !parked) {
            try {
                monitor.wait(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}

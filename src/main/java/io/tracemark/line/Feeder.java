package io.tracemark.line;

import io.tracemark.core.DeviceException;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.LedgerException;
import io.tracemark.ledger.Unit;
import io.tracemark.printer.LabelJob;
import io.tracemark.printer.Printer;
import io.tracemark.printer.PrinterFaultException;
import java.time.Clock;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The thread that feeds the printer: takes a code, merges its label, records SENT in the ledger
 * (durable before the bytes leave), tells the matcher what to expect, then submits to the printer,
 * which blocks while its look-ahead is full. It sends only while units are still needed and the
 * number awaiting a verdict is under the bound; it pauses between units on request.
 */
final class Feeder implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Feeder.class);

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
                sendOne();
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

    private void sendOne() {
        String code = supply.next(Math.max(1, stillNeeded.getAsInt()), CodeLedger.SYSTEM);
        String zpl = labels.unitZpl(code);
        Unit unit = ledger.markSent(jobId, code, CodeLedger.SYSTEM);
        matcher.expect(new PendingUnit(unit.id(), unit.seq(), code, labels.expectation(code), clock.instant(), null));
        onSent.run();
        printer.submit(new LabelJob(unit.id(), zpl));
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

    /** Something changed (a verdict, a resume): look again. */
    void wake() {
        synchronized (monitor) {
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

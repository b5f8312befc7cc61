package io.tracemark.sim;

import io.tracemark.printer.PrinterListener;
import io.tracemark.printer.PrinterStatus;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Records printer callbacks and lets a test wait for them. */
final class RecordingListener implements PrinterListener {

    final List<Long> printed = new CopyOnWriteArrayList<>();
    final LinkedBlockingQueue<PrinterStatus> faults = new LinkedBlockingQueue<>();
    final LinkedBlockingQueue<PrinterStatus> recoveries = new LinkedBlockingQueue<>();
    private volatile CountDownLatch printedLatch = new CountDownLatch(0);

    void expectPrinted(int count) {
        printedLatch = new CountDownLatch(count);
    }

    boolean awaitPrinted() throws InterruptedException {
        return printedLatch.await(10, TimeUnit.SECONDS);
    }

    PrinterStatus awaitFault() throws InterruptedException {
        PrinterStatus status = faults.poll(10, TimeUnit.SECONDS);
        if (status == null) {
            throw new AssertionError("no fault reported within 10 s");
        }
        return status;
    }

    PrinterStatus awaitRecovery() throws InterruptedException {
        PrinterStatus status = recoveries.poll(10, TimeUnit.SECONDS);
        if (status == null) {
            throw new AssertionError("no recovery reported within 10 s");
        }
        return status;
    }

    @Override
    public void printed(long unitId) {
        printed.add(unitId);
        printedLatch.countDown();
    }

    @Override
    public void fault(PrinterStatus status) {
        faults.add(status);
    }

    @Override
    public void recovered(PrinterStatus status) {
        recoveries.add(status);
    }
}

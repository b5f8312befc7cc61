package io.tracemark.line;

import io.tracemark.core.DeviceException;
import io.tracemark.master.Product;
import io.tracemark.printer.Printer;
import io.tracemark.printer.PrinterListener;
import io.tracemark.printer.PrinterStatus;
import io.tracemark.verify.Grade;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One job on the line: what it prints, on which devices, and its feeder while printing. Listens to
 * its printer: printed labels go to the matcher on the line's thread, a fault stops the line.
 */
final class JobRun implements PrinterListener {

    final JobRequest request;
    final Product product;
    final JobLabels labels;
    final Printer printer;
    final Grade minimum;
    private final UnitMatcher matcher;
    private final Consumer<StopCause> stop;
    private final Executor events;
    private final Runnable readTrigger;
    private volatile String jobId;
    private volatile Feeder feeder;

    JobRun(JobRequest request, Product product, JobLabels labels, Printer printer, Grade minimum, UnitMatcher matcher,
           Consumer<StopCause> stop, Executor events, Runnable readTrigger) {
        this.request = request;
        this.product = product;
        this.labels = labels;
        this.printer = printer;
        this.minimum = minimum;
        this.matcher = matcher;
        this.stop = stop;
        this.events = events;
        this.readTrigger = readTrigger;
    }

    String jobId() {
        return jobId;
    }

    void jobId(String id) {
        this.jobId = id;
    }

    int quantity() {
        return request.quantity();
    }

    Feeder feeder() {
        return feeder;
    }

    void feeder(Feeder f) {
        this.feeder = f;
    }

    /**
     * The printer confirmed a label: a reader triggered by software ({@code trigger: software} in its
     * profile) gets its trigger now, on the printer's thread, so that reads follow labels in order; a
     * trigger that cannot be sent stops the line (the label would go unread).
     */
    @Override
    public void printed(long unitId) {
        printed(List.of(unitId));
    }

    /** Labels one look at the printer found printed: one hop to the line and one wake of the feeder for all. */
    @Override
    public void printed(List<Long> unitIds) {
        events.execute(() -> matcher.printed(unitIds));
        Feeder f = feeder;
        if (f != null) {
            f.wake(); // the printer has room again
        }
        for (long unitId : unitIds) {
            try {
                readTrigger.run();
            } catch (DeviceException e) {
                stop.accept(StopCause.fault("scanner.trigger", "cannot trigger the reader for unit " + unitId + ": "
                        + e.getMessage()));
                return;
            }
        }
    }

    @Override
    public void fault(PrinterStatus status) {
        stop.accept(StopCause.of(status));
    }

    JobSummary summary() {
        return new JobSummary(jobId, product.id(), product.name(), request.batch(), request.productionDate(),
                request.traceLevel(), request.scheme(), request.template(), request.quantity(), minimum.letter());
    }
}

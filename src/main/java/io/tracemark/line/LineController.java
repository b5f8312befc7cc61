package io.tracemark.line;

import static io.tracemark.line.PackMlState.HELD;
import static io.tracemark.line.PackMlState.STOPPED;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.core.TraceLevel;
import io.tracemark.core.TracemarkException;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.Reconciliation;
import io.tracemark.ledger.Unit;
import io.tracemark.master.MasterDataStore;
import io.tracemark.master.Product;
import io.tracemark.printer.Printer;
import io.tracemark.store.Database;
import io.tracemark.verify.Scanner;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The line: runs jobs through the closed loop (allocate, merge, SENT, print, read, judge, reject) in
 * the PackML state model, stops on faults with every label in flight voided, and resumes unfinished
 * jobs after a crash ({@link #recover()}).
 *
 * <p>One thread owns the line ({@link LineLoop}): the PackML state, the job, the units in flight and
 * the counters change only on it. Printer confirmations, camera results, gate confirmations and the
 * verdict watchdog post events to it; panel commands are posted too and answer within a bound
 * ({@link #COMMAND_BOUND}, longer for a start with its challenge) or fail naming the command. Device
 * I/O (opening the printer, cancelling its queue, the challenge label, the gate) runs on the device
 * worker and its result comes back to the owner thread, so a stalled printer never holds up the
 * panel. An exception inside an event aborts the line with an alarm.
 *
 * <p>This class posts the commands and wires the parts: {@link RunLoop} (the run: results, verdicts,
 * stops, completion), {@link JobLifecycle} (start, resume, suspend, end, with crash recovery in
 * {@link JobBook}), {@link LineReadModel} (what the panel reads, without waiting for the line),
 * {@link ChallengeTest} (the challenge), and {@link LineCore} (the state they share on the line's thread).
 *
 * <pre>{@code
 * LineController line = new LineController(db, ledger, masterData, designs, devices, LineSettings.defaults(), clock);
 * line.open();               // wires and starts the scanners, starts the verdict watchdog
 * line.recover();            // voids labels left in flight by a crash; the newest unfinished job becomes current
 * line.start(request, "operator-1");
 * }</pre>
 */
public final class LineController implements LineControl, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LineController.class);
    /** How long a panel command may take before it answers with a timeout naming it. */
    static final Duration COMMAND_BOUND = Duration.ofSeconds(15);

    private final CodeLedger ledger;
    private final MasterDataStore masterData;
    private final LabelDesigns designs;
    private final LineDevices devices;
    private final LineSettings settings;
    private final Clock clock;
    private final JobDetailsStore details;
    private final JobValidator validator;
    private final JobBook book;
    private final LineLoop loop = new LineLoop();
    private final LineCore core;
    private final PackMlStateMachine sm;
    private final AlarmBoard alarms;
    private final LineCounters counters;
    private final LineReadModel view;
    private final LineRecords records;
    private final RunLoop runLoop;
    private final UnitMatcher matcher;
    private final JobLifecycle lifecycle;
    private final ChallengeTest challenge;
    private final Map<String, String> scannersDown;
    private volatile Supplier<Optional<BufferedImage>> labelImages = Optional::empty;
    private final CodeBoxes codeBoxes;
    /** The smallest code box a supervisor may draw (pixels a side): smaller holds no readable code. */
    static final int MIN_BOX = 16;

    public LineController(Database db, CodeLedger ledger, MasterDataStore masterData, LabelDesigns designs,
                          LineDevices devices, LineSettings settings, Clock clock) {
        this.ledger = ledger;
        this.masterData = masterData;
        this.designs = designs;
        this.devices = devices;
        this.settings = settings;
        this.clock = clock;
        this.details = new JobDetailsStore(db, ledger);
        this.validator = new JobValidator(masterData, designs, devices, ledger, clock);
        this.book = new JobBook(ledger, details, masterData, designs, devices, settings);
        this.core = new LineCore(db, ledger, clock, loop);
        this.sm = core.sm;
        this.alarms = core.alarms;
        this.counters = core.counters;
        this.view = core.view;
        this.scannersDown = core.scannersDown;
        this.records = new LineRecords(ledger);
        this.runLoop = new RunLoop(core, ledger, book, devices, settings, clock, records);
        this.matcher = runLoop.matcher;
        this.challenge = new ChallengeTest(matcher, clock, settings.verdictTimeout());
        this.lifecycle = new JobLifecycle(core, runLoop, ledger, details, book, validator, challenge,
                new JobIds(settings.stationId(), clock), settings, clock);
        this.codeBoxes = new CodeBoxes(db, ledger, clock);
        loop.onFailure(runLoop::failedEvent);
    }

    /** Wires and starts every scanner and the verdict watchdog. Call once, before anything else. */
    public void open() {
        for (String name : devices.scannerNames()) {
            Scanner scanner = devices.scanner(name).orElseThrow();
            scanner.setListener(result -> runLoop.onResult(name, result));
            scanner.onFault(detail -> scannerFault(name, detail));
            scanner.onRecovered(() -> scannerRecovered(name));
            try {
                scanner.start();
            } catch (TracemarkException e) {
                scannersDown.put(name, e.getMessage());
                loop.post("scanner.fault", () -> {
                    alarms.raise(Alarm.Severity.WARNING, "scanner.fault", name + ": " + e.getMessage());
                    view.changed();
                });
            }
        }
        codeBoxes.all().forEach((name, box) -> devices.scanner(name).ifPresent(s -> {
            if (s.regionOfInterest(Optional.of(box.box()))) {
                LOG.info("scanner {} decodes only in its code box {}", name, box.box());
            }
        }));
        runLoop.watchdog.start();
    }

    /**
     * Crash recovery, at start-up: every unit of an unfinished job that is SENT without a verdict is
     * VOIDED ({@link CodeLedger#RECOVERED_AFTER_CRASH}): it may have printed, so its code is never
     * sent again. The newest unfinished job that is not suspended becomes the current one (state
     * STOPPED), ready for {@link #restart}. Jobs without details (never started) are ended.
     *
     * @return ids of the unfinished jobs that can be resumed, oldest first
     */
    public List<String> recover() {
        return loop.call("recover", COMMAND_BOUND, () -> {
            List<String> resumable = book.recover(detail -> core.audit(CodeLedger.SYSTEM, "job.recover", detail));
            if (!resumable.isEmpty()) {
                String jobId = resumable.get(resumable.size() - 1);
                JobRequest request = details.load(jobId).orElseThrow();
                JobRun job = runLoop.newRun(request);
                job.jobId(jobId);
                core.makeCurrent(job);
                counters.reset(request.quantity(), ledger.reconcile(jobId));
                view.changed();
            }
            return resumable;
        });
    }

    // ---- LineControl: reading (any thread, without waiting for the line) ---------------------

    @Override
    public LineSnapshot snapshot() {
        return view.snapshot();
    }

    @Override
    public AutoCloseable onChange(Runnable listener) {
        return view.onChange(listener);
    }

    @Override
    public JobSetupOptions setupOptions() {
        List<Product> known = masterData.products();
        java.util.Map<String, Long> available = ledger.countAvailableByProduct(known.stream().map(Product::id).toList());
        List<JobSetupOptions.ProductChoice> products = known.stream()
                .map(p -> new JobSetupOptions.ProductChoice(p.id(), p.name(), p.specification(), available.get(p.id())))
                .toList();
        return new JobSetupOptions(products, designs.names(), devices.printerNames(), devices.scannerNames(),
                ledger.schemes(), List.of(TraceLevel.PRODUCT.name(), TraceLevel.BATCH.name(), TraceLevel.ITEM.name()));
    }

    @Override
    public List<Problem> validate(JobRequest request) {
        return validator.validate(request, true);
    }

    @Override
    public byte[] previewLabel(JobRequest request) {
        Product product = masterData.product(request.productId()).orElseThrow(() -> new InvalidInputException(
                "preview", List.of(new Problem("productId", "unknown product '" + request.productId() + "'"))));
        JobLabels labels = designs.forJob(request.template(), request.printer(), JobValidator.facts(request, product));
        String code = ledger.firstAvailable(request.scheme(), request.productId()).orElseThrow(() ->
                new InvalidInputException("preview", List.of(new Problem("scheme", "no AVAILABLE code of scheme '"
                        + request.scheme() + "' to preview with"))));
        return labels.preview(code).orElseThrow(() -> new TracemarkException("template " + request.template()
                + " cannot be previewed here"));
    }

    @Override
    public List<RejectRecord> rejects(RejectFilter filter) {
        return records.rejects(filter);
    }

    @Override
    public Optional<byte[]> rejectImage(long unitId) {
        return records.rejectImage(unitId);
    }

    @Override
    public Optional<byte[]> lastLabelImage() {
        return labelImages.get().map(LineRecords::png);
    }

    @Override
    public Optional<byte[]> lastFrameImage() {
        return records.lastFrameImage();
    }

    @Override
    public Optional<LiveUnit> liveUnit() {
        return records.live.last();
    }

    @Override
    public Optional<LiveUnit> liveUnit(long unitId) {
        return records.live.unit(unitId);
    }

    @Override
    public Optional<BufferedImage> liveFrame(long unitId) {
        return records.live.frame(unitId);
    }

    @Override
    public Optional<byte[]> liveLabel(long unitId) {
        return records.live.label(unitId);
    }

    @Override
    public Optional<BufferedImage> latestFrame() {
        return records.lastFrameBuffered();
    }

    @Override
    public List<DeviceState> deviceStates() {
        List<DeviceState> out = new java.util.ArrayList<>();
        for (String name : devices.printerNames()) {
            out.add(DeviceStates.printer(name, devices.printer(name).orElseThrow()));
        }
        for (String name : devices.scannerNames()) {
            out.add(DeviceStates.scanner(name, devices.scanner(name).orElseThrow(), scannersDown.get(name),
                    codeBoxes.of(name).isPresent()));
        }
        out.add(runLoop.gate.state());
        return out;
    }

    @Override
    public Optional<CodeBox> codeBox(String scanner) {
        return codeBoxes.of(scanner);
    }

    @Override
    public Optional<CodeBox> setCodeBox(String scanner, Optional<CodeBox> box, String actor) {
        Scanner device = devices.scanner(scanner).orElseThrow(() -> new InvalidInputException("code box",
                List.of(new Problem("scanner", "unknown scanner '" + scanner + "'; configured: " + devices.scannerNames()))));
        if (box.isPresent()) {
            List<Problem> problems = DeviceStates.boxProblems(box.get(), MIN_BOX);
            if (!problems.isEmpty()) {
                throw new InvalidInputException("code box of " + scanner, problems);
            }
        }
        if (!device.regionOfInterest(box.map(CodeBox::box))) {
            throw new InvalidInputException("code box of " + scanner, List.of(new Problem("scanner", "scanner '"
                    + scanner + "' decodes in the device: set its code box on the reader itself")));
        }
        try {
            return codeBoxes.save(scanner, box, actor);
        } catch (RuntimeException e) {
            // not stored: the decoder goes back to the box that is
            device.regionOfInterest(codeBoxes.of(scanner).map(CodeBox::box));
            throw e;
        }
    }

    @Override
    public Optional<Reconciliation> lastReconciliation() {
        return Optional.ofNullable(core.lastReconciliation);
    }

    @Override
    public List<OpenJob> openJobs() {
        JobRun current = core.run;
        return book.openJobs(current != null && !core.runEnded ? current.jobId() : null);
    }

    /** The id of the current (or last) job, if any. */
    public Optional<String> currentJobId() {
        JobRun job = core.run;
        return job == null ? Optional.empty() : Optional.ofNullable(job.jobId());
    }

    /** Where {@link #lastLabelImage()} gets the last printed label (the simulated line knows it). */
    public void setLabelImages(Supplier<Optional<BufferedImage>> source) {
        this.labelImages = source;
    }

    // ---- LineControl: acting (posted to the line's thread, bounded answer) -------------------

    @Override
    public void start(JobRequest request, String actor) {
        loop.callAsync("start", startBound(), () -> lifecycle.startJob(request, actor));
    }

    @Override
    public void restart(String actor) {
        loop.callAsync("restart", startBound(), () -> lifecycle.restartJob(actor));
    }

    @Override
    public void suspendJob(String actor) {
        loop.callAsync("suspend", COMMAND_BOUND, () -> lifecycle.suspend(actor));
    }

    @Override
    public void resumeJob(String jobId, String actor) {
        loop.callAsync("resume job " + jobId, startBound(), () -> lifecycle.resumeJob(jobId, actor));
    }

    @Override
    public void clear(String actor) {
        loop.call("clear", COMMAND_BOUND, () -> {
            lifecycle.clearFault(actor);
            return null;
        });
    }

    @Override
    public void pause(String actor) {
        loop.callAsync("pause", COMMAND_BOUND, () -> runLoop.pause(actor));
    }

    @Override
    public void resume(String actor) {
        loop.call("resume", COMMAND_BOUND, () -> {
            core.requireState("resume", HELD);
            core.apply(PackMlCommand.UNHOLD);
            core.run.feeder().resume();
            runLoop.feeding(true);
            core.audit(actor, "line.unhold", "job " + core.run.jobId());
            core.apply(PackMlCommand.STATE_COMPLETE);
            return null;
        });
    }

    @Override
    public void stop(String actor) {
        loop.callAsync("stop", COMMAND_BOUND, () -> runLoop.stop(actor));
    }

    @Override
    public void endBatch(String actor) {
        loop.callAsync("end of batch", COMMAND_BOUND, () -> lifecycle.endBatch(actor));
    }

    @Override
    public void voidUnit(String code, String reason, String actor) {
        loop.call("void unit", COMMAND_BOUND, () -> {
            Unit unit = ledger.unitByCode(code).orElseThrow(() -> new TracemarkException("no unit was printed with code "
                    + code));
            if (unit.state() != io.tracemark.core.CodeState.SENT) {
                throw new TracemarkException("unit " + unit.id() + " of code " + code + " is " + unit.state()
                        + ": only a unit in flight (SENT) can be voided");
            }
            matcher.voidPending(unit.id(), () -> ledger.voidUnit(unit.id(), reason, actor));
            runLoop.watchdog.rearm(); // its slot may expire sooner than anything armed
            counters.voided(1);
            core.audit(actor, "unit.void", "unit " + unit.id() + " code " + code + ": " + reason);
            view.changed();
            return null;
        });
    }

    @Override
    public ChallengeResult runChallenge(String actor) {
        return loop.callAsync("challenge", startBound(), () -> lifecycle.challenge(actor));
    }

    @Override
    public void acknowledgeAlarm(long alarmId, String actor) {
        loop.call("acknowledge alarm", COMMAND_BOUND, () -> {
            Alarm alarm = alarms.acknowledge(alarmId);
            core.audit(actor, "alarm.acknowledge", alarm.cause() + ": " + alarm.detail());
            view.changed();
            return null;
        });
    }

    /**
     * A scanner lost its link or its source: the line stops if the job uses it; a start or restart is
     * refused until it is back ({@link #scannerRecovered}). Any thread; handled on the line's thread.
     */
    public void scannerFault(String scanner, String detail) {
        scannersDown.put(scanner, detail);
        loop.post("scanner fault", () -> {
            JobRun job = core.run;
            if (job != null && scanner.equals(job.request.scanner())) {
                runLoop.halt(StopCause.fault("scanner.fault", scanner + ": " + detail), CodeLedger.SYSTEM);
            } else {
                alarms.raise(Alarm.Severity.WARNING, "scanner.fault", scanner + ": " + detail);
                view.changed();
            }
        });
    }

    /**
     * A device found something an operator must see that does not stop the line (e.g. a PLC whose
     * reject counter disagrees with the station's fires at job end): a warning alarm. Any thread.
     */
    public void deviceAlarm(String cause, String detail) {
        loop.post("device alarm", () -> {
            alarms.raise(Alarm.Severity.WARNING, cause, detail);
            view.changed();
        });
    }

    /** A scanner is connected again after a fault. */
    public void scannerRecovered(String scanner) {
        if (scannersDown.remove(scanner) != null) {
            LOG.info("scanner {} is back", scanner);
            loop.post("scanner recovered", view::changed);
        }
    }

    @Override
    public void close() {
        try {
            loop.callAsync("shutdown", COMMAND_BOUND, () -> runLoop.haltIfRunning(
                    new StopCause("station.shutdown", "station shutting down", false), CodeLedger.SYSTEM));
        } catch (RuntimeException e) {
            LOG.warn("stopping the line at shutdown: {}", e.getMessage());
        }
        runLoop.watchdog.close();
        loop.close();
        devices.closeAll();
    }

    // ---- job lifecycle (on the line's thread) -----------------------------------------------

    // ---- the run (on the line's thread) -----------------------------------------------------

    /** A start waits for the printer and the challenge label's verdict: its bound allows for both. */
    private Duration startBound() {
        return COMMAND_BOUND.plus(settings.verdictTimeout().multipliedBy(2)).plusSeconds(5);
    }

}

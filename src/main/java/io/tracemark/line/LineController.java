package io.tracemark.line;

import static io.tracemark.line.PackMlState.ABORTED;
import static io.tracemark.line.PackMlState.COMPLETE;
import static io.tracemark.line.PackMlState.EXECUTE;
import static io.tracemark.line.PackMlState.HELD;
import static io.tracemark.line.PackMlState.HOLDING;
import static io.tracemark.line.PackMlState.IDLE;
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
import io.tracemark.verify.ReadResult;
import io.tracemark.verify.Scanner;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
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
 * panel. An exception inside an event aborts the line with an alarm. The panel reads the
 * {@link LineReadModel}; the job's books are {@link JobBook}'s; the challenge is {@link ChallengeTest}.
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
    private static final Set<PackMlState> RUNNING = EnumSet.of(EXECUTE, HOLDING, HELD,
            PackMlState.UNHOLDING, PackMlState.COMPLETING);

    /** How long an orderly stop waits for the printer to finish the labels it holds. */
    private static final Duration STOP_DRAIN = Duration.ofSeconds(2);
    /** How long a panel command may take before it answers with a timeout naming it. */
    static final Duration COMMAND_BOUND = Duration.ofSeconds(15);

    private final Database db;
    private final CodeLedger ledger;
    private final MasterDataStore masterData;
    private final LabelDesigns designs;
    private final LineDevices devices;
    private final LineSettings settings;
    private final Clock clock;
    private final JobDetailsStore details;
    private final JobIds jobIds;
    private final JobValidator validator;
    private final JobBook book;
    private final PackMlStateMachine sm = new PackMlStateMachine();
    private final AlarmBoard alarms;
    private final LineCounters counters;
    private final LineReadModel view;
    private final LineRecords records;
    private final UnitMatcher matcher;
    private final ChallengeTest challenge;
    private final LineLoop loop = new LineLoop();
    private final ScheduledExecutorService watchdog;
    /** Scanners whose link or source is down, with why. */
    private final Map<String, String> scannersDown = new ConcurrentHashMap<>();
    // owned by the loop thread; volatile for the panel's reads
    private volatile JobRun run;
    private volatile boolean runEnded;
    private volatile Reconciliation lastReconciliation;
    /** What the line is doing outside the state model (the challenge between jobs), or null. */
    private String busyWith;
    /** Done when the job's completion (COMPLETING, its device I/O included) is over. */
    private CompletableFuture<Void> completion = CompletableFuture.completedFuture(null);
    /**
     * Camera results that came while an abort cancels the printer (null otherwise): nothing is judged
     * once a fault stopped the line; they are handed to the matcher after the units in flight are
     * voided, which recognises and discards them.
     */
    private List<ReadResult> heldResults;
    private volatile Supplier<Optional<BufferedImage>> labelImages = Optional::empty;

    public LineController(Database db, CodeLedger ledger, MasterDataStore masterData, LabelDesigns designs,
                          LineDevices devices, LineSettings settings, Clock clock) {
        this.db = db;
        this.ledger = ledger;
        this.masterData = masterData;
        this.designs = designs;
        this.devices = devices;
        this.settings = settings;
        this.clock = clock;
        this.details = new JobDetailsStore(db);
        this.jobIds = new JobIds(settings.stationId(), clock);
        this.validator = new JobValidator(masterData, designs, devices, ledger, clock);
        this.book = new JobBook(ledger, details, masterData, designs, devices, settings);
        this.alarms = new AlarmBoard(clock);
        this.counters = new LineCounters(clock);
        this.view = new LineReadModel(sm, counters, alarms);
        this.records = new LineRecords(db);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(LineLoop.daemon("line-watchdog"));
        RejectActuator gate = new RejectActuator(devices.gate(), settings.confirmRejects(), this::stopLater,
                loop.deviceWorker());
        this.matcher = new UnitMatcher(ledger, clock, gate, new UnitMatcher.Events() {
            @Override
            public void judged(UnitVerdict verdict, Judgement judgement) {
                onJudged(verdict, judgement);
            }

            @Override
            public void stop(StopCause cause) {
                stopLater(cause);
            }
        });
        this.challenge = new ChallengeTest(matcher, clock, settings.verdictTimeout());
        loop.onFailure(this::failedEvent);
    }

    /** Wires and starts every scanner and the verdict watchdog. Call once, before anything else. */
    public void open() {
        for (String name : devices.scannerNames()) {
            Scanner scanner = devices.scanner(name).orElseThrow();
            scanner.setListener(result -> onResult(name, result));
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
        long period = Math.max(10, Math.min(100, settings.verdictTimeout().toMillis() / 10));
        watchdog.scheduleWithFixedDelay(() -> loop.post("verdict watchdog", () -> {
            if (heldResults == null) {
                matcher.checkTimeouts();
            }
        }), period, period, TimeUnit.MILLISECONDS);
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
            List<String> resumable = book.recover(detail -> audit(CodeLedger.SYSTEM, "job.recover", detail));
            if (!resumable.isEmpty()) {
                String jobId = resumable.get(resumable.size() - 1);
                JobRequest request = details.load(jobId).orElseThrow();
                JobRun job = newRun(request);
                job.jobId(jobId);
                makeCurrent(job);
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
        long available = ledger.countCodes(io.tracemark.core.CodeState.AVAILABLE);
        List<JobSetupOptions.ProductChoice> products = masterData.products().stream()
                .map(p -> new JobSetupOptions.ProductChoice(p.id(), p.name(), p.specification(), available)).toList();
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
    public Optional<Reconciliation> lastReconciliation() {
        return Optional.ofNullable(lastReconciliation);
    }

    @Override
    public List<OpenJob> openJobs() {
        JobRun current = run;
        return book.openJobs(current != null && !runEnded ? current.jobId() : null);
    }

    /** The id of the current (or last) job, if any. */
    public Optional<String> currentJobId() {
        JobRun job = run;
        return job == null ? Optional.empty() : Optional.ofNullable(job.jobId());
    }

    /** Where {@link #lastLabelImage()} gets the last printed label (the simulated line knows it). */
    public void setLabelImages(Supplier<Optional<BufferedImage>> source) {
        this.labelImages = source;
    }

    // ---- LineControl: acting (posted to the line's thread, bounded answer) -------------------

    @Override
    public void start(JobRequest request, String actor) {
        loop.callAsync("start", startBound(), () -> startJob(request, actor));
    }

    @Override
    public void restart(String actor) {
        loop.callAsync("restart", startBound(), () -> restartJob(actor));
    }

    @Override
    public void suspendJob(String actor) {
        loop.callAsync("suspend", COMMAND_BOUND, () -> {
            JobRun job = requireCurrentJob("suspend");
            return haltIfRunning(new StopCause("operator.suspend", "job suspended by " + actor, false), actor)
                    .thenRun(() -> {
                        details.suspended(job.jobId(), true, actor, clock.instant());
                        endRun(job);
                        audit(actor, "job.suspend", "job " + job.jobId() + " suspended: its codes stay allocated; "
                                + ledger.reconcile(job.jobId()));
                        LOG.info("job {} suspended by {}", job.jobId(), actor);
                        view.changed();
                    });
        });
    }

    @Override
    public void resumeJob(String jobId, String actor) {
        loop.callAsync("resume job " + jobId, startBound(), () -> {
            requireNotBusy("resume job " + jobId);
            JobRequest request = book.openRequest(jobId);
            JobRun current = run;
            boolean isCurrent = current != null && jobId.equals(current.jobId()) && !runEnded;
            if (!isCurrent) {
                if (RUNNING.contains(sm.state()) || sm.state().isActing()) {
                    throw new TracemarkException("line is " + sm.state() + ": stop it before resuming job " + jobId);
                }
                if (current != null && current.jobId() != null && !runEnded) {
                    throw new TracemarkException("job " + current.jobId() + " is the current job: end it or suspend "
                            + "it before resuming job " + jobId);
                }
                JobRun job = newRun(request);
                job.jobId(jobId);
                makeCurrent(job);
                counters.reset(request.quantity(), ledger.reconcile(jobId));
            }
            details.suspended(jobId, false, actor, clock.instant());
            audit(actor, "job.resume", "job " + jobId);
            view.changed();
            return restartJob(actor);
        });
    }

    @Override
    public void clear(String actor) {
        loop.call("clear", COMMAND_BOUND, () -> {
            clearFault(actor);
            return null;
        });
    }

    @Override
    public void pause(String actor) {
        loop.callAsync("pause", COMMAND_BOUND, () -> {
            requireState("pause", EXECUTE);
            JobRun job = run;
            apply(PackMlCommand.HOLD);
            job.feeder().requestPause();
            audit(actor, "line.hold", "job " + job.jobId());
            return loop.offload("feeder pause", () -> {
                job.feeder().awaitPaused();
                return null;
            }).thenRun(() -> {
                if (sm.state() == HOLDING) {
                    apply(PackMlCommand.STATE_COMPLETE);
                }
            });
        });
    }

    @Override
    public void resume(String actor) {
        loop.call("resume", COMMAND_BOUND, () -> {
            requireState("resume", HELD);
            apply(PackMlCommand.UNHOLD);
            run.feeder().resume();
            audit(actor, "line.unhold", "job " + run.jobId());
            apply(PackMlCommand.STATE_COMPLETE);
            return null;
        });
    }

    @Override
    public void stop(String actor) {
        loop.callAsync("stop", COMMAND_BOUND, () -> {
            if (!RUNNING.contains(sm.state())) {
                throw new TracemarkException("line is " + sm.state() + ": nothing to stop");
            }
            return halt(new StopCause("operator.stop", "stopped by " + actor, false), actor);
        });
    }

    @Override
    public void endBatch(String actor) {
        loop.callAsync("end of batch", COMMAND_BOUND, () -> {
            JobRun job = requireCurrentJob("end");
            return haltIfRunning(new StopCause("operator.endBatch", "batch ended by " + actor, false), actor)
                    .thenRun(() -> {
                        long released = ledger.releaseUnused(job.jobId(), actor);
                        lastReconciliation = ledger.reconcile(job.jobId());
                        endRun(job);
                        audit(actor, "job.end", "job " + job.jobId() + ": " + released + " released; "
                                + lastReconciliation);
                        LOG.info("job {} ended: {}", job.jobId(), lastReconciliation);
                        view.changed();
                    });
        });
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
            counters.voided(1);
            audit(actor, "unit.void", "unit " + unit.id() + " code " + code + ": " + reason);
            view.changed();
            return null;
        });
    }

    @Override
    public ChallengeResult runChallenge(String actor) {
        return loop.callAsync("challenge", startBound(), () -> {
            if (RUNNING.contains(sm.state()) || sm.state().isActing()) {
                throw new TracemarkException("line is " + sm.state()
                        + ": the challenge test runs only while the line is stopped");
            }
            requireNotBusy("run the challenge test");
            JobRun job = run;
            if (job == null) {
                throw new TracemarkException("no job set up: the challenge test prints the job's label");
            }
            String like = book.likeCode(job);
            attach(job, Set.of());
            busyWith = "the challenge test";
            return loop.offload("challenge", () -> {
                openPrinter(job);
                ChallengeResult result = challenge.run(job.printer, job.labels, like);
                job.printer.abort();
                return result;
            }).handle((result, error) -> {
                busyWith = null;
                matcher.halt(() -> { });
                ChallengeResult r = error != null ? new ChallengeResult(false, false, false,
                        "the challenge could not run: " + UnitMatcher.rootMessage(error)) : result;
                audit(actor, "line.challenge", (r.passed() ? "passed: " : "FAILED: ") + r.detail());
                if (!r.passed()) {
                    alarms.raise(Alarm.Severity.WARNING, "challenge.failed", r.detail());
                }
                view.changed();
                return r;
            });
        });
    }

    @Override
    public void acknowledgeAlarm(long alarmId, String actor) {
        loop.call("acknowledge alarm", COMMAND_BOUND, () -> {
            Alarm alarm = alarms.acknowledge(alarmId);
            audit(actor, "alarm.acknowledge", alarm.cause() + ": " + alarm.detail());
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
            JobRun job = run;
            if (job != null && scanner.equals(job.request.scanner())) {
                halt(StopCause.fault("scanner.fault", scanner + ": " + detail), CodeLedger.SYSTEM);
            } else {
                alarms.raise(Alarm.Severity.WARNING, "scanner.fault", scanner + ": " + detail);
                view.changed();
            }
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
            loop.callAsync("shutdown", COMMAND_BOUND, () -> haltIfRunning(
                    new StopCause("station.shutdown", "station shutting down", false), CodeLedger.SYSTEM));
        } catch (RuntimeException e) {
            LOG.warn("stopping the line at shutdown: {}", e.getMessage());
        }
        watchdog.shutdownNow();
        loop.close();
        devices.closeAll();
    }

    // ---- job lifecycle (on the line's thread) -----------------------------------------------

    private CompletableFuture<Void> startJob(JobRequest request, String actor) {
        requireState("start a job", STOPPED, IDLE, COMPLETE);
        requireNotBusy("start a job");
        book.requireNoOtherOpenJob();
        requireScanner(request.scanner(), "start the job");
        return validatedOffLoop("starting a job", () -> validator.validate(request, true), "job request")
                .thenCompose(valid -> startValidated(request, actor));
    }

    private CompletableFuture<Void> startValidated(JobRequest request, String actor) {
        requireScanner(request.scanner(), "start the job");
        JobRun job = newRun(request);
        String like = settings.challengeAtStart() ? book.likeCode(job) : null;
        audit(actor, "line.start", describe(request));
        toIdle();
        apply(PackMlCommand.START);
        return starting(job, actor, () -> {
            attach(job, Set.of());
            return loop.offload("printer open and challenge", () -> {
                openPrinter(job);
                return like == null ? null : challenge.run(job.printer, job.labels, like);
            });
        }, result -> {
            if (result != null) {
                audit(actor, "line.challenge", (result.passed() ? "passed: " : "FAILED: ") + result.detail());
                if (!result.passed()) {
                    abortStarting(job, StopCause.fault("challenge.failed", result.detail()), actor);
                    throw new TracemarkException("challenge test failed, the job does not run: " + result.detail());
                }
            }
            String jobId = jobIds.next();
            ledger.createJob(jobId, request.traceLevel(), request.quantity(), actor);
            details.save(jobId, request, job.minimum.letter(), actor);
            job.jobId(jobId);
            runEnded = false;
            view.job(job.summary());
            if (request.traceLevel().sharesCodeAcrossUnits()) {
                ledger.bindSharedCode(jobId, ledger.firstAvailable(request.scheme(), request.productId())
                        .orElseThrow(() -> new TracemarkException("no AVAILABLE code of scheme " + request.scheme()
                                + " to share across the job's units")), actor);
            }
            counters.reset(request.quantity(), null);
            feed(job, book.supply(job));
            apply(PackMlCommand.STATE_COMPLETE);
            LOG.info("job {} started by {}: {}", jobId, actor, describe(request));
        });
    }

    private CompletableFuture<Void> restartJob(String actor) {
        JobRun job = requireCurrentJob("resume");
        requireAcknowledged("resume the job");
        requireScanner(job.request.scanner(), "resume the job");
        if (sm.state() == ABORTED) {
            clearFault(actor);
        }
        requireState("resume the job", STOPPED, IDLE, COMPLETE);
        return validatedOffLoop("resuming a job", () -> validator.validate(job.request, false), "job " + job.jobId())
                .thenCompose(valid -> restartValidated(job, actor));
    }

    private CompletableFuture<Void> restartValidated(JobRun job, String actor) {
        requireScanner(job.request.scanner(), "resume the job");
        audit(actor, "line.restart", "job " + job.jobId());
        toIdle();
        apply(PackMlCommand.START);
        return starting(job, actor, () -> {
            attach(job, book.knownContent(job));
            return loop.offload("printer open", () -> {
                openPrinter(job);
                return null;
            });
        }, ignored -> {
            CodeSupply supply = book.supply(job);
            counters.reset(job.quantity(), ledger.reconcile(job.jobId()));
            feed(job, supply);
            apply(PackMlCommand.STATE_COMPLETE);
            loop.post("complete check", this::completeIfDone);
        });
    }

    /**
     * Validates a job on the device worker (the check asks the printer for its status); the line is
     * busy meanwhile, so no other start, resume, suspend or end can slip in. Completes on the line's
     * thread, failing with every problem found.
     */
    private CompletableFuture<Void> validatedOffLoop(String busy, Supplier<List<Problem>> validation, String subject) {
        busyWith = busy;
        return loop.offload("validate " + subject, validation).handle((problems, error) -> {
            busyWith = null;
            if (error != null) {
                throw error instanceof RuntimeException re ? re : new TracemarkException(error.toString(), error);
            }
            if (!problems.isEmpty()) {
                throw new InvalidInputException(subject, problems);
            }
            return null;
        });
    }

    /**
     * The STARTING state: {@code devices} prepares (on the line's thread, then device I/O on the
     * worker), {@code running} goes on once it is done. Whatever fails on the way, the line does not
     * stay in STARTING: it aborts with an alarm naming the failure, and the caller gets a
     * {@link TracemarkException}.
     */
    private <T> CompletableFuture<Void> starting(JobRun job, String actor, Supplier<CompletableFuture<T>> devicesReady,
                                                 java.util.function.Consumer<T> running) {
        CompletableFuture<T> ready;
        try {
            ready = devicesReady.get();
        } catch (RuntimeException e) {
            ready = CompletableFuture.failedFuture(e);
        }
        return ready.handle((value, error) -> {
            try {
                if (error != null) {
                    throw error instanceof RuntimeException re ? re : new TracemarkException(error.toString(), error);
                }
                running.accept(value);
                return null;
            } catch (RuntimeException e) {
                throw failedStart(job, e, actor);
            }
        });
    }

    private TracemarkException failedStart(JobRun job, RuntimeException e, String actor) {
        if (!(e instanceof TracemarkException)) {
            LOG.error("start of the job failed", e);
        }
        String detail = e instanceof TracemarkException ? e.getMessage() : UnitMatcher.rootMessage(e);
        if (sm.state() == PackMlState.STARTING) {
            try {
                abortStarting(job, StopCause.fault("line.error", detail), actor);
            } catch (RuntimeException again) {
                LOG.error("abort after the failed start failed too", again);
                forceAborted(StopCause.fault("line.error", detail + "; then: " + UnitMatcher.rootMessage(again)));
            }
        }
        return e instanceof TracemarkException te ? te : new TracemarkException("the job could not start: " + detail, e);
    }

    private void abortStarting(JobRun job, StopCause cause, String actor) {
        apply(PackMlCommand.ABORT);
        loop.fireAndForget("printer abort", job.printer::abort);
        matcher.halt(() -> { });
        alarms.raise(Alarm.Severity.FAULT, cause.cause(), cause.detail());
        audit(actor, "line.abort", cause.cause() + ": " + cause.detail());
        apply(PackMlCommand.STATE_COMPLETE);
    }

    private void clearFault(String actor) {
        requireState("clear", ABORTED);
        requireAcknowledged("clear the fault");
        apply(PackMlCommand.CLEAR);
        audit(actor, "line.clear", "cleared after abort");
        apply(PackMlCommand.STATE_COMPLETE);
    }

    /** The job leaves the line (ended or suspended): its printer's events no longer reach it. */
    private void endRun(JobRun job) {
        runEnded = true;
        job.printer.removeListener(job);
    }

    private void makeCurrent(JobRun job) {
        run = job;
        runEnded = false;
        view.job(job.jobId() == null ? null : job.summary());
    }

    // ---- the run (on the line's thread) -----------------------------------------------------

    private void onResult(String scanner, ReadResult result) {
        JobRun job = run;
        if (job == null || !scanner.equals(job.request.scanner())) {
            return;
        }
        imageOf(result).ifPresent(records::lastFrame);
        loop.post("camera result", () -> {
            if (heldResults != null) {
                heldResults.add(result);
            } else {
                matcher.result(result);
            }
        });
    }

    private void onJudged(UnitVerdict verdict, Judgement judgement) {
        counters.judged(verdict.verified());
        view.verdict(verdict);
        if (!verdict.verified()) {
            judgement.image().ifPresent(img -> records.keepRejectImage(verdict.unitId(), img));
        }
        JobRun job = run;
        if (job != null && job.feeder() != null) {
            job.feeder().wake();
        }
        view.changed();
        if (verdict.verified() && job != null && counters.verified() >= job.quantity()) {
            loop.post("complete check", this::completeIfDone);
        }
    }

    /** A stop rule fired: at once on the line's thread (no result queued behind it is judged), else posted. */
    private void stopLater(StopCause cause) {
        if (loop.inLoop()) {
            halt(cause, CodeLedger.SYSTEM);
        } else {
            loop.post("stop " + cause.cause(), () -> halt(cause, CodeLedger.SYSTEM));
        }
    }

    /** An event threw: the line aborts with an alarm naming it, whatever state it is in. */
    private void failedEvent(String what, RuntimeException e) {
        StopCause cause = failureOf(e);
        StopCause named = StopCause.fault(cause.cause(), what + ": " + cause.detail());
        if (RUNNING.contains(sm.state())) {
            halt(named, CodeLedger.SYSTEM);
        } else {
            forceAborted(named);
        }
    }

    private CompletableFuture<Void> haltIfRunning(StopCause cause, String actor) {
        if (sm.state() == PackMlState.COMPLETING) {
            return completion.thenCompose(done -> haltIfRunning(cause, actor));
        }
        return RUNNING.contains(sm.state()) ? halt(cause, actor) : CompletableFuture.completedFuture(null);
    }

    /**
     * Stops the running job: feeder, printer queue (device I/O on the worker), labels in flight voided,
     * alarm for a fault. Whatever fails on the way (storage full, a device), the line ends in STOPPED or
     * ABORTED with an alarm; the returned future completes (on the line's thread) when it does.
     */
    private CompletableFuture<Void> halt(StopCause cause, String actor) {
        if (!RUNNING.contains(sm.state()) || sm.state() == PackMlState.COMPLETING) {
            if (cause.fault() && sm.state() != ABORTED) {
                LOG.info("{} while the line is {}: {}", cause.cause(), sm.state(), cause.detail());
            }
            return CompletableFuture.completedFuture(null);
        }
        apply(cause.fault() ? PackMlCommand.ABORT : PackMlCommand.STOP);
        if (cause.fault()) {
            alarms.raise(Alarm.Severity.FAULT, cause.cause(), cause.detail());
            heldResults = new java.util.ArrayList<>();
        }
        JobRun job = run;
        if (job.feeder() != null) {
            job.feeder().requestPause();
        }
        return loop.offload("stop the printer", () -> {
            if (job.feeder() != null) {
                job.feeder().halt();
            }
            if (!cause.fault()) {
                awaitPrinted(job.printer);
            }
            return job.printer.abort();
        }).handle((unconfirmed, error) -> {
            try {
                if (error != null) {
                    LOG.warn("cancelling the printer queue failed: {}", UnitMatcher.rootMessage(error));
                }
                haltBooks(job, cause, actor, unconfirmed == null ? -1 : unconfirmed.size());
            } catch (RuntimeException e) {
                StopCause failure = failureOf(e);
                LOG.error("stopping the line failed ({}): {}", failure.cause(), failure.detail());
                if (sm.state() == PackMlState.STOPPING) {
                    apply(PackMlCommand.ABORT);
                }
                alarms.raise(Alarm.Severity.FAULT, failure.cause(), failure.detail());
            }
            releaseHeldResults();
            apply(PackMlCommand.STATE_COMPLETE);
            return null;
        });
    }

    private void releaseHeldResults() {
        List<ReadResult> held = heldResults;
        heldResults = null;
        if (held != null) {
            held.forEach(matcher::result);
        }
    }

    private void haltBooks(JobRun job, StopCause cause, String actor, int unconfirmed) {
        int[] voided = {0};
        matcher.halt(() -> voided[0] = ledger.voidInFlight(job.jobId(), cause.cause(), actor));
        counters.voided(voided[0]);
        if (cause.fault()) {
            LOG.warn("line aborted ({}): {}; {} unit(s) in flight voided", cause.cause(), cause.detail(), voided[0]);
        }
        audit(actor, cause.fault() ? "line.abort" : "line.stop", cause.cause() + ": " + cause.detail() + "; "
                + voided[0] + " units in flight voided, " + (unconfirmed < 0 ? "printer queue not cancelled"
                : unconfirmed + " not confirmed by the printer"));
    }

    /**
     * An orderly stop (PackML Stopping) lets the printer finish the labels it holds, at most
     * {@link #STOP_DRAIN}, so that none is left in doubt (printed or cancelled?) when the queue is
     * cancelled; a fault cancels at once. Runs on the device worker.
     */
    private static void awaitPrinted(Printer printer) {
        long deadline = System.nanoTime() + STOP_DRAIN.toNanos();
        while (!printer.outstanding().isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The stop cause of a failure inside the line: storage errors say what to do. */
    static StopCause failureOf(RuntimeException e) {
        if (e instanceof io.tracemark.core.StorageException) {
            return StopCause.fault("storage.failed", "the station's database cannot be written ("
                    + UnitMatcher.rootMessage(e) + "). Free disk space or fix the data directory, then clear the "
                    + "fault and restart the job");
        }
        return StopCause.fault("line.error", UnitMatcher.rootMessage(e));
    }

    private void completeIfDone() {
        JobRun job = run;
        if (sm.state() != EXECUTE || job == null || counters.verified() < job.quantity()) {
            return;
        }
        apply(PackMlCommand.COMPLETE);
        job.feeder().requestPause();
        boolean cancel = matcher.awaiting() > 0;
        completion = loop.offload("complete the job", () -> {
            job.feeder().halt();
            if (cancel) {
                job.printer.abort();
            }
            return null;
        }).whenComplete((ignored, error) -> {
            try {
                if (error != null) {
                    throw error instanceof RuntimeException re ? re : new TracemarkException(error.toString(), error);
                }
                int[] voided = {0};
                matcher.halt(() -> voided[0] = ledger.voidInFlight(job.jobId(), "job.complete", CodeLedger.SYSTEM));
                counters.voided(voided[0]);
                audit(CodeLedger.SYSTEM, "line.complete", "job " + job.jobId() + ": " + counters.verified() + " of "
                        + job.quantity() + " units verified" + (voided[0] > 0 ? ", " + voided[0] + " extra voided" : ""));
            } catch (RuntimeException e) {
                StopCause failure = failureOf(e);
                LOG.error("completing the job failed ({}): {}", failure.cause(), failure.detail());
                apply(PackMlCommand.ABORT);
                alarms.raise(Alarm.Severity.FAULT, failure.cause(), failure.detail());
            }
            apply(PackMlCommand.STATE_COMPLETE);
            LOG.info("job {} complete: {}", job.jobId(), counters.snapshot());
        }).handle((ignored, error) -> null);
    }

    /** Puts the state machine in ABORTED with an alarm, whatever state it is in (last resort). */
    private void forceAborted(StopCause cause) {
        if (sm.state() != ABORTED && sm.state() != PackMlState.ABORTING) {
            apply(PackMlCommand.ABORT);
        }
        if (sm.state() == PackMlState.ABORTING) {
            apply(PackMlCommand.STATE_COMPLETE);
        }
        alarms.raise(Alarm.Severity.FAULT, cause.cause(), cause.detail());
        view.changed();
    }

    /** Makes the job current and starts judging for it (no device I/O: see {@link #openPrinter}). */
    private void attach(JobRun job, Set<String> known) {
        JobRun previous = run;
        if (previous != null && previous != job) {
            previous.printer.removeListener(previous);
        }
        run = job;
        view.job(job.jobId() == null ? null : job.summary());
        job.printer.removeListener(job);
        job.printer.addListener(job);
        matcher.begin(new UnitMatcher.JobRules(job.request.traceLevel(), job.minimum,
                settings.consecutiveRejectLimit(), settings.verdictTimeout()), known);
    }

    /** Device I/O, on the worker: opens the job's printer with its settings and downloads the format. */
    private void openPrinter(JobRun job) {
        job.printer.open(devices.settings(job.request.printer()));
        String setup = job.labels.setupZpl();
        if (!setup.isEmpty()) {
            job.printer.downloadFormat(setup);
        }
    }

    private void feed(JobRun job, CodeSupply supply) {
        Feeder feeder = new Feeder(job.jobId(), ledger, supply, job.labels, job.printer, matcher,
                settings.maxAwaitingVerdict(), () -> (int) Math.min(Integer.MAX_VALUE,
                matcher.stillNeeded(job.quantity(), counters::verified)), this::stopLater, counters::sent, clock);
        job.feeder(feeder);
        feeder.start();
    }

    private JobRun newRun(JobRequest request) {
        return book.newRun(request, matcher, this::stopLater, loop.events("printer event"));
    }

    private void toIdle() {
        if (sm.state() == STOPPED || sm.state() == COMPLETE) {
            apply(PackMlCommand.RESET);
            apply(PackMlCommand.STATE_COMPLETE);
        }
    }

    private JobRun requireCurrentJob(String action) {
        JobRun job = run;
        if (job == null || job.jobId() == null || runEnded) {
            throw new TracemarkException("line is " + sm.state() + ": no " + (action.equals("resume")
                    ? "unfinished job to resume" : "job to " + action));
        }
        requireNotBusy(action + " the job");
        if (sm.state().isActing() && !RUNNING.contains(sm.state())) {
            throw new TracemarkException("line is " + sm.state() + ": wait until it is done before you " + action
                    + " the job");
        }
        return job;
    }

    private void requireNotBusy(String action) {
        if (busyWith != null) {
            throw new TracemarkException("cannot " + action + ": the line is busy with " + busyWith);
        }
    }

    /** The job's scanner must be connected: a line must not print what nobody can check. */
    private void requireScanner(String scanner, String action) {
        String down = scannersDown.get(scanner);
        if (down != null) {
            throw new TracemarkException("cannot " + action + ": scanner " + scanner + " is not working (" + down
                    + "); it is retried by itself, try again once it is back");
        }
    }

    /** A fault alarm must be acknowledged (seen by someone) before the line is cleared or restarted. */
    private void requireAcknowledged(String action) {
        List<Alarm> faults = alarms.active().stream().filter(a -> a.severity() == Alarm.Severity.FAULT).toList();
        if (!faults.isEmpty()) {
            Alarm first = faults.get(0);
            throw new TracemarkException("cannot " + action + ": acknowledge the alarm first (alarm " + first.id()
                    + ", " + first.cause() + ": " + first.detail() + ")"
                    + (faults.size() > 1 ? " and " + (faults.size() - 1) + " more" : ""));
        }
    }

    private void requireState(String action, PackMlState... allowed) {
        PackMlState state = sm.state();
        for (PackMlState s : allowed) {
            if (s == state) {
                return;
            }
        }
        String hint = state == ABORTED ? " (clear the fault first)" : "";
        throw new TracemarkException("line is " + state + ": cannot " + action + hint);
    }

    private void apply(PackMlCommand command) {
        PackMlState before = sm.state();
        PackMlState after = sm.apply(command);
        LOG.info("PackML {} --{}--> {}", before, command, after);
        view.changed();
    }

    private void audit(String actor, String action, String detail) {
        db.inTransaction(conn -> ledger.audit().record(conn, actor, action, detail));
    }

    /** A start waits for the printer and the challenge label's verdict: its bound allows for both. */
    private Duration startBound() {
        return COMMAND_BOUND.plus(settings.verdictTimeout().multipliedBy(2)).plusSeconds(5);
    }

    private static String describe(JobRequest r) {
        return "product " + r.productId() + ", batch " + r.batch() + ", " + r.traceLevel() + ", scheme " + r.scheme()
                + ", template " + r.template() + ", printer " + r.printer() + ", scanner " + r.scanner()
                + ", quantity " + r.quantity();
    }

    private static Optional<BufferedImage> imageOf(ReadResult result) {
        if (result instanceof ReadResult.Read read) {
            return read.image();
        }
        if (result instanceof ReadResult.NoRead noRead) {
            return noRead.image();
        }
        return Optional.empty();
    }
}

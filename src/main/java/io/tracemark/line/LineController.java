package io.tracemark.line;

import io.tracemark.master.Product;
import io.tracemark.master.MasterDataStore;
import static io.tracemark.line.PackMlState.ABORTED;
import static io.tracemark.line.PackMlState.COMPLETE;
import static io.tracemark.line.PackMlState.EXECUTE;
import static io.tracemark.line.PackMlState.HELD;
import static io.tracemark.line.PackMlState.IDLE;
import static io.tracemark.line.PackMlState.STOPPED;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.core.TraceLevel;
import io.tracemark.core.TracemarkException;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.Job;
import io.tracemark.ledger.Reconciliation;
import io.tracemark.ledger.Unit;
import io.tracemark.printer.Printer;
import io.tracemark.store.Database;
import io.tracemark.verify.Grade;
import io.tracemark.verify.ReadResult;
import io.tracemark.verify.Scanner;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The line: runs jobs through the closed loop (allocate, merge, SENT, print, read, judge, reject) in
 * the PackML state model, stops on faults with every label in flight voided, and resumes unfinished
 * jobs after a crash ({@link #recover()}). Public methods are serialized; device and camera events
 * arrive on their own threads and state changes they cause run on one control thread.
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
    private static final Set<PackMlState> RUNNING = EnumSet.of(EXECUTE, PackMlState.HOLDING, HELD,
            PackMlState.UNHOLDING, PackMlState.COMPLETING);

    /** How long an orderly stop waits for the printer to finish the labels it holds. */
    private static final java.time.Duration STOP_DRAIN = java.time.Duration.ofSeconds(2);

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
    private final PackMlStateMachine sm = new PackMlStateMachine();
    private final AlarmBoard alarms;
    private final LineCounters counters;
    private final LineRecords records;
    private final UnitMatcher matcher;
    private final ChallengeTest challenge;
    private final ExecutorService control;
    private final ScheduledExecutorService watchdog;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    /** Scanners whose link or source is down, with why. */
    private final java.util.Map<String, String> scannersDown = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();
    private volatile UnitVerdict lastVerdict;
    private volatile JobRun run;
    private volatile boolean runEnded;
    private volatile Reconciliation lastReconciliation;
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
        this.validator = new JobValidator(masterData, designs, devices, db, clock);
        this.alarms = new AlarmBoard(clock);
        this.counters = new LineCounters(clock);
        this.records = new LineRecords(db);
        this.control = Executors.newSingleThreadExecutor(daemon("line-control"));
        this.watchdog = Executors.newSingleThreadScheduledExecutor(daemon("line-watchdog"));
        RejectActuator gate = new RejectActuator(devices.gate(), settings.confirmRejects(), this::stopLater);
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
                alarms.raise(Alarm.Severity.WARNING, "scanner.fault", name + ": " + e.getMessage());
            }
        }
        long period = Math.max(10, Math.min(100, settings.verdictTimeout().toMillis() / 10));
        watchdog.scheduleWithFixedDelay(this::checkTimeouts, period, period, TimeUnit.MILLISECONDS);
    }

    /**
     * Crash recovery, at start-up: every unit of an unfinished job that is SENT without a verdict is
     * VOIDED ({@link CodeLedger#RECOVERED_AFTER_CRASH}): it may have printed, so its code is never
     * sent again. The newest unfinished job becomes the current one (state STOPPED), ready for
     * {@link #restart}. Jobs without details (never started) are ended.
     *
     * @return ids of the unfinished jobs that can be resumed, oldest first
     */
    public synchronized List<String> recover() {
        List<String> resumable = new ArrayList<>();
        for (Job job : ledger.openJobs()) {
            int voided = ledger.voidInFlight(job.id(), CodeLedger.RECOVERED_AFTER_CRASH);
            Optional<JobRequest> request = details.load(job.id());
            if (request.isEmpty()) {
                ledger.releaseUnused(job.id(), CodeLedger.SYSTEM);
                audit(CodeLedger.SYSTEM, "job.recover", "job " + job.id() + " had no details: ended");
                continue;
            }
            audit(CodeLedger.SYSTEM, "job.recover", "job " + job.id() + ": " + voided + " units in flight voided ("
                    + CodeLedger.RECOVERED_AFTER_CRASH + ")");
            LOG.info("recovered job {}: {} unit(s) in flight voided as {}", job.id(), voided,
                    CodeLedger.RECOVERED_AFTER_CRASH);
            if (!details.isSuspended(job.id())) {
                resumable.add(job.id());
            }
        }
        if (!resumable.isEmpty()) {
            String jobId = resumable.get(resumable.size() - 1);
            JobRequest request = details.load(jobId).orElseThrow();
            run = newRun(request);
            run.jobId(jobId);
            runEnded = false;
            counters.reset(request.quantity(), ledger.reconcile(jobId));
            changed();
        }
        return resumable;
    }

    // ---- LineControl: reading -------------------------------------------------------------

    @Override
    public LineSnapshot snapshot() {
        JobRun job = run;
        Optional<JobSummary> summary = job == null || job.jobId() == null ? Optional.empty() : Optional.of(job.summary());
        return new LineSnapshot(sm.state(), summary, counters.snapshot(), alarms.active(),
                Optional.ofNullable(lastVerdict), version.get());
    }

    @Override
    public AutoCloseable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public JobSetupOptions setupOptions() {
        long available = db.count("SELECT count(*) FROM codes WHERE state = 'AVAILABLE'");
        List<JobSetupOptions.ProductChoice> products = masterData.products().stream()
                .map(p -> new JobSetupOptions.ProductChoice(p.id(), p.name(), p.specification(), available)).toList();
        List<String> schemes = db.read(conn -> {
            List<String> out = new ArrayList<>();
            try (var ps = conn.prepareStatement("SELECT DISTINCT scheme FROM codes ORDER BY scheme");
                 var rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
        return new JobSetupOptions(products, designs.names(), devices.printerNames(), devices.scannerNames(), schemes,
                List.of(TraceLevel.PRODUCT.name(), TraceLevel.BATCH.name(), TraceLevel.ITEM.name()));
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
        String code = CodeSupply.firstAvailable(db, request.scheme(), request.productId());
        if (code == null) {
            throw new InvalidInputException("preview", List.of(new Problem("scheme", "no AVAILABLE code of scheme '"
                    + request.scheme() + "' to preview with")));
        }
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

    /** The id of the current (or last) job, if any. */
    public Optional<String> currentJobId() {
        JobRun job = run;
        return job == null ? Optional.empty() : Optional.ofNullable(job.jobId());
    }

    /** Where {@link #lastLabelImage()} gets the last printed label (the simulated line knows it). */
    public void setLabelImages(Supplier<Optional<BufferedImage>> source) {
        this.labelImages = source;
    }

    // ---- LineControl: acting --------------------------------------------------------------

    @Override
    public void start(JobRequest request, String actor) {
        synchronized (this) {
            requireState("start a job", STOPPED, IDLE, COMPLETE);
            requireNoOtherOpenJob();
            requireScanner(request.scanner(), "start the job");
            List<Problem> problems = validator.validate(request, true);
            if (!problems.isEmpty()) {
                throw new InvalidInputException("job request", problems);
            }
            JobRun job = newRun(request);
            audit(actor, "line.start", describe(request));
            toIdle();
            apply(PackMlCommand.START);
            try {
                attach(job, Set.of());
                if (settings.challengeAtStart()) {
                    ChallengeResult result = challenge.run(job.printer, job.labels, likeCode(job));
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
                CodeSupply supply = request.traceLevel().sharesCodeAcrossUnits()
                        ? CodeSupply.shared(ledger.bindSharedCode(jobId,
                        CodeSupply.firstAvailable(db, request.scheme(), request.productId()), actor).code())
                        : CodeSupply.itemLevel(ledger, db, jobId, request.scheme(), request.productId(),
                        settings.allocationChunk());
                counters.reset(request.quantity(), null);
                feed(job, supply);
                apply(PackMlCommand.STATE_COMPLETE);
                LOG.info("job {} started by {}: {}", jobId, actor, describe(request));
            } catch (RuntimeException e) {
                throw failedStart(job, e, actor);
            }
        }
    }

    @Override
    public synchronized void restart(String actor) {
        JobRun job = run;
        if (job == null || job.jobId() == null || runEnded) {
            throw new TracemarkException("line is " + sm.state() + ": no unfinished job to resume");
        }
        requireAcknowledged("resume the job");
        requireScanner(job.request.scanner(), "resume the job");
        if (sm.state() == ABORTED) {
            clear(actor);
        }
        requireState("resume the job", STOPPED, IDLE, COMPLETE);
        List<Problem> problems = validator.validate(job.request, false);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("job " + job.jobId(), problems);
        }
        audit(actor, "line.restart", "job " + job.jobId());
        toIdle();
        apply(PackMlCommand.START);
        try {
            attach(job, knownContent(job));
            Job row = ledger.job(job.jobId()).orElseThrow();
            CodeSupply supply = row.traceLevel().sharesCodeAcrossUnits()
                    ? CodeSupply.shared(row.sharedCode().orElseThrow())
                    : CodeSupply.itemLevel(ledger, db, job.jobId(), job.request.scheme(), job.request.productId(),
                            settings.allocationChunk());
            counters.reset(job.quantity(), ledger.reconcile(job.jobId()));
            feed(job, supply);
            apply(PackMlCommand.STATE_COMPLETE);
        } catch (RuntimeException e) {
            throw failedStart(job, e, actor);
        }
        control.execute(this::completeIfDone);
    }

    @Override
    public synchronized void suspendJob(String actor) {
        JobRun job = run;
        if (job == null || job.jobId() == null || runEnded) {
            throw new TracemarkException("line is " + sm.state() + ": no job to suspend");
        }
        if (RUNNING.contains(sm.state())) {
            halt(new StopCause("operator.suspend", "job suspended by " + actor, false), actor);
        }
        details.suspended(job.jobId(), true, actor, clock.instant());
        runEnded = true;
        job.printer.removeListener(job);
        audit(actor, "job.suspend", "job " + job.jobId() + " suspended: its codes stay allocated; "
                + ledger.reconcile(job.jobId()));
        LOG.info("job {} suspended by {}", job.jobId(), actor);
        changed();
    }

    @Override
    public synchronized void resumeJob(String jobId, String actor) {
        Job row = ledger.job(jobId).filter(j -> j.state() == io.tracemark.ledger.JobState.OPEN)
                .orElseThrow(() -> new TracemarkException("no OPEN job " + jobId + " to resume"));
        JobRun current = run;
        boolean isCurrent = current != null && jobId.equals(current.jobId()) && !runEnded;
        if (!isCurrent) {
            if (RUNNING.contains(sm.state()) || sm.state().isActing()) {
                throw new TracemarkException("line is " + sm.state() + ": stop it before resuming job " + jobId);
            }
            if (current != null && current.jobId() != null && !runEnded) {
                throw new TracemarkException("job " + current.jobId() + " is the current job: end it or suspend it "
                        + "before resuming job " + jobId);
            }
            JobRequest request = details.load(jobId).orElseThrow(() -> new TracemarkException("job " + jobId
                    + " has no details to resume it with"));
            JobRun job = newRun(request);
            job.jobId(row.id());
            run = job;
            runEnded = false;
            counters.reset(request.quantity(), ledger.reconcile(jobId));
        }
        details.suspended(jobId, false, actor, clock.instant());
        audit(actor, "job.resume", "job " + jobId);
        changed();
        restart(actor);
    }

    @Override
    public List<OpenJob> openJobs() {
        JobRun current = run;
        List<OpenJob> out = new ArrayList<>();
        for (Job job : ledger.openJobs()) {
            Reconciliation books = ledger.reconcile(job.id());
            out.add(new OpenJob(job.id(), job.quantity(), books.verified(),
                    current != null && job.id().equals(current.jobId()) && !runEnded, details.isSuspended(job.id())));
        }
        return out;
    }

    @Override
    public synchronized void clear(String actor) {
        requireState("clear", ABORTED);
        requireAcknowledged("clear the fault");
        apply(PackMlCommand.CLEAR);
        audit(actor, "line.clear", "cleared after abort");
        apply(PackMlCommand.STATE_COMPLETE);
    }

    @Override
    public synchronized void pause(String actor) {
        requireState("pause", EXECUTE);
        apply(PackMlCommand.HOLD);
        run.feeder().pause();
        audit(actor, "line.hold", "job " + run.jobId());
        apply(PackMlCommand.STATE_COMPLETE);
    }

    @Override
    public synchronized void resume(String actor) {
        requireState("resume", HELD);
        apply(PackMlCommand.UNHOLD);
        run.feeder().resume();
        audit(actor, "line.unhold", "job " + run.jobId());
        apply(PackMlCommand.STATE_COMPLETE);
    }

    @Override
    public synchronized void stop(String actor) {
        if (!RUNNING.contains(sm.state())) {
            throw new TracemarkException("line is " + sm.state() + ": nothing to stop");
        }
        halt(new StopCause("operator.stop", "stopped by " + actor, false), actor);
    }

    @Override
    public synchronized void endBatch(String actor) {
        JobRun job = run;
        if (job == null || job.jobId() == null || runEnded) {
            throw new TracemarkException("line is " + sm.state() + ": no job to end");
        }
        if (RUNNING.contains(sm.state())) {
            halt(new StopCause("operator.endBatch", "batch ended by " + actor, false), actor);
        }
        long released = ledger.releaseUnused(job.jobId(), actor);
        lastReconciliation = ledger.reconcile(job.jobId());
        runEnded = true;
        job.printer.removeListener(job);
        audit(actor, "job.end", "job " + job.jobId() + ": " + released + " released; " + lastReconciliation);
        LOG.info("job {} ended: {}", job.jobId(), lastReconciliation);
        changed();
    }

    @Override
    public synchronized void voidUnit(String code, String reason, String actor) {
        Unit unit = ledger.unitByCode(code).orElseThrow(() -> new TracemarkException("no unit was printed with code " + code));
        if (unit.state() != io.tracemark.core.CodeState.SENT) {
            throw new TracemarkException("unit " + unit.id() + " of code " + code + " is " + unit.state()
                    + ": only a unit in flight (SENT) can be voided");
        }
        matcher.voidPending(unit.id(), () -> ledger.voidUnit(unit.id(), reason, actor));
        counters.voided(1);
        audit(actor, "unit.void", "unit " + unit.id() + " code " + code + ": " + reason);
        changed();
    }

    @Override
    public synchronized ChallengeResult runChallenge(String actor) {
        if (RUNNING.contains(sm.state()) || sm.state().isActing()) {
            throw new TracemarkException("line is " + sm.state() + ": the challenge test runs only while the line is stopped");
        }
        JobRun job = run;
        if (job == null) {
            throw new TracemarkException("no job set up: the challenge test prints the job's label");
        }
        attach(job, Set.of());
        ChallengeResult result = challenge.run(job.printer, job.labels, likeCode(job));
        matcher.halt(() -> { });
        job.printer.abort();
        audit(actor, "line.challenge", (result.passed() ? "passed: " : "FAILED: ") + result.detail());
        if (!result.passed()) {
            alarms.raise(Alarm.Severity.WARNING, "challenge.failed", result.detail());
        }
        changed();
        return result;
    }

    @Override
    public void acknowledgeAlarm(long alarmId, String actor) {
        Alarm alarm = alarms.acknowledge(alarmId);
        audit(actor, "alarm.acknowledge", alarm.cause() + ": " + alarm.detail());
        changed();
    }

    /**
     * A scanner lost its link or its source: the line stops if the job uses it; a start or restart is
     * refused until it is back ({@link #scannerRecovered}).
     */
    public void scannerFault(String scanner, String detail) {
        scannersDown.put(scanner, detail);
        JobRun job = run;
        if (job != null && scanner.equals(job.request.scanner())) {
            stopLater(StopCause.fault("scanner.fault", scanner + ": " + detail));
        } else {
            alarms.raise(Alarm.Severity.WARNING, "scanner.fault", scanner + ": " + detail);
            changed();
        }
    }

    /** A scanner is connected again after a fault. */
    public void scannerRecovered(String scanner) {
        if (scannersDown.remove(scanner) != null) {
            LOG.info("scanner {} is back", scanner);
            changed();
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            if (RUNNING.contains(sm.state())) {
                halt(new StopCause("station.shutdown", "station shutting down", false), CodeLedger.SYSTEM);
            }
        }
        watchdog.shutdownNow();
        control.shutdownNow();
        devices.closeAll();
    }

    // ---- inside ---------------------------------------------------------------------------

    private void onResult(String scanner, ReadResult result) {
        JobRun job = run;
        if (job == null || !scanner.equals(job.request.scanner())) {
            return;
        }
        imageOf(result).ifPresent(records::lastFrame);
        matcher.result(result);
    }

    private void onJudged(UnitVerdict verdict, Judgement judgement) {
        counters.judged(verdict.verified());
        lastVerdict = verdict;
        if (!verdict.verified()) {
            judgement.image().ifPresent(img -> records.keepRejectImage(verdict.unitId(), img));
        }
        JobRun job = run;
        if (job != null && job.feeder() != null) {
            job.feeder().wake();
        }
        changed();
        if (verdict.verified() && job != null && counters.verified() >= job.quantity()) {
            control.execute(this::completeIfDone);
        }
    }

    private void stopLater(StopCause cause) {
        try {
            control.execute(() -> halt(cause, CodeLedger.SYSTEM));
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            LOG.warn("line closing; stop cause {} not acted on: {}", cause.cause(), cause.detail());
        }
    }

    private void checkTimeouts() {
        try {
            matcher.checkTimeouts();
        } catch (RuntimeException e) {
            LOG.error("verdict watchdog failed", e);
        }
    }

    /**
     * Stops the running job: feeder, printer queue, labels in flight voided, alarm for a fault. Whatever
     * fails on the way (storage full, a device), the line ends in STOPPED or ABORTED with an alarm.
     */
    private synchronized void halt(StopCause cause, String actor) {
        if (!RUNNING.contains(sm.state())) {
            if (cause.fault() && sm.state() != ABORTED) {
                LOG.info("{} while the line is {}: {}", cause.cause(), sm.state(), cause.detail());
            }
            return;
        }
        apply(cause.fault() ? PackMlCommand.ABORT : PackMlCommand.STOP);
        if (cause.fault()) {
            alarms.raise(Alarm.Severity.FAULT, cause.cause(), cause.detail());
        }
        try {
            haltSteps(run, cause, actor);
        } catch (RuntimeException e) {
            StopCause failure = failureOf(e);
            LOG.error("stopping the line failed ({}): {}", failure.cause(), failure.detail());
            if (sm.state() == PackMlState.STOPPING) {
                apply(PackMlCommand.ABORT);
            }
            alarms.raise(Alarm.Severity.FAULT, failure.cause(), failure.detail());
        }
        apply(PackMlCommand.STATE_COMPLETE);
    }

    private void haltSteps(JobRun job, StopCause cause, String actor) {
        if (job.feeder() != null) {
            job.feeder().halt();
        }
        if (!cause.fault()) {
            awaitPrinted(job.printer);
        }
        List<Long> unconfirmed = job.printer.abort();
        int[] voided = {0};
        matcher.halt(() -> voided[0] = ledger.voidInFlight(job.jobId(), cause.cause(), actor));
        counters.voided(voided[0]);
        if (cause.fault()) {
            LOG.warn("line aborted ({}): {}; {} unit(s) in flight voided", cause.cause(), cause.detail(), voided[0]);
        }
        audit(actor, cause.fault() ? "line.abort" : "line.stop", cause.cause() + ": " + cause.detail() + "; "
                + voided[0] + " units in flight voided, " + unconfirmed.size() + " not confirmed by the printer");
    }

    /**
     * An orderly stop (PackML Stopping) lets the printer finish the labels it holds, at most
     * {@link #STOP_DRAIN}, so that none is left in doubt (printed or cancelled?) when the queue is
     * cancelled; a fault cancels at once.
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

    private synchronized void completeIfDone() {
        JobRun job = run;
        if (sm.state() != EXECUTE || job == null || counters.verified() < job.quantity()) {
            return;
        }
        apply(PackMlCommand.COMPLETE);
        try {
            job.feeder().halt();
            int[] voided = {0};
            if (matcher.awaiting() > 0) {
                job.printer.abort();
            }
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
    }

    /**
     * Whatever failed inside a start (device, storage, a bug), the line does not stay in STARTING: it
     * aborts with an alarm that names the failure, and the caller gets a {@link TracemarkException}.
     */
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

    /** Puts the state machine in ABORTED with an alarm, whatever state it is in (last resort). */
    private void forceAborted(StopCause cause) {
        if (sm.state() != ABORTED && sm.state() != PackMlState.ABORTING) {
            apply(PackMlCommand.ABORT);
        }
        if (sm.state() == PackMlState.ABORTING) {
            apply(PackMlCommand.STATE_COMPLETE);
        }
        alarms.raise(Alarm.Severity.FAULT, cause.cause(), cause.detail());
        changed();
    }

    private void abortStarting(JobRun job, StopCause cause, String actor) {
        apply(PackMlCommand.ABORT);
        job.printer.abort();
        matcher.halt(() -> { });
        alarms.raise(Alarm.Severity.FAULT, cause.cause(), cause.detail());
        audit(actor, "line.abort", cause.cause() + ": " + cause.detail());
        apply(PackMlCommand.STATE_COMPLETE);
    }

    private void attach(JobRun job, Set<String> known) {
        JobRun previous = run;
        if (previous != null && previous != job) {
            previous.printer.removeListener(previous);
        }
        run = job;
        job.printer.removeListener(job);
        job.printer.open(devices.settings(job.request.printer()));
        String setup = job.labels.setupZpl();
        if (!setup.isEmpty()) {
            job.printer.downloadFormat(setup);
        }
        job.printer.addListener(job);
        matcher.begin(new UnitMatcher.JobRules(job.request.traceLevel(), job.minimum,
                settings.consecutiveRejectLimit(), settings.verdictTimeout()), known);
    }

    private void feed(JobRun job, CodeSupply supply) {
        Feeder feeder = new Feeder(job.jobId(), ledger, supply, job.labels, job.printer, matcher,
                settings.maxAwaitingVerdict(), () -> (int) Math.min(Integer.MAX_VALUE,
                matcher.stillNeeded(job.quantity(), counters::verified)), this::stopLater, counters::sent, clock);
        job.feeder(feeder);
        feeder.start();
    }

    private JobRun newRun(JobRequest request) {
        Product product = masterData.product(request.productId()).orElseThrow(() -> new TracemarkException(
                "unknown product " + request.productId()));
        JobLabels labels = designs.forJob(request.template(), request.printer(), JobValidator.facts(request, product));
        Printer printer = devices.printer(request.printer()).orElseThrow(() -> new TracemarkException(
                "unknown printer " + request.printer()));
        Grade minimum = request.minimumGrade() == null || request.minimumGrade().isBlank()
                ? settings.defaultMinimumGrade() : Grade.parse(request.minimumGrade());
        return new JobRun(request, product, labels, printer, minimum, matcher, this::stopLater);
    }

    /** The code the challenge label pretends to be: the job's next code (never consumed by the test). */
    private String likeCode(JobRun job) {
        if (job.jobId() != null) {
            Optional<String> shared = ledger.job(job.jobId()).flatMap(Job::sharedCode);
            if (shared.isPresent()) {
                return shared.get();
            }
        }
        String code = CodeSupply.firstAvailable(db, job.request.scheme(), job.request.productId());
        if (code == null) {
            throw new TracemarkException("no AVAILABLE code of scheme " + job.request.scheme() + " for the challenge test");
        }
        return code;
    }

    private Set<String> knownContent(JobRun job) {
        if (job.request.traceLevel().sharesCodeAcrossUnits()) {
            return Set.of();
        }
        List<String> codes = db.read(conn -> {
            List<String> out = new ArrayList<>();
            try (var ps = conn.prepareStatement("SELECT c.code FROM units u JOIN codes c ON c.id = u.code_id "
                    + "WHERE u.job_id = ?")) {
                ps.setString(1, job.jobId());
                try (var rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(rs.getString(1));
                    }
                }
            }
            return out;
        });
        Set<String> known = new java.util.HashSet<>();
        for (String code : codes) {
            known.add(ExpectedContent.canonical(job.labels.expectation(code)));
        }
        return known;
    }

    private void toIdle() {
        if (sm.state() == STOPPED || sm.state() == COMPLETE) {
            apply(PackMlCommand.RESET);
            apply(PackMlCommand.STATE_COMPLETE);
        }
    }

    /** A new job starts only when no other job is OPEN and not suspended (its codes would be stranded). */
    private void requireNoOtherOpenJob() {
        for (Job job : ledger.openJobs()) {
            if (details.load(job.id()).isEmpty() || details.isSuspended(job.id())) {
                continue;
            }
            Reconciliation books = ledger.reconcile(job.id());
            throw new TracemarkException("job " + job.id() + " is still open (" + books.verified() + " of "
                    + job.quantity() + " verified): resume it, end it (end of batch) or suspend it before starting "
                    + "another job");
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
        changed();
    }

    private void changed() {
        version.incrementAndGet();
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("line change listener failed", e);
            }
        }
    }

    private void audit(String actor, String action, String detail) {
        db.inTransaction(conn -> ledger.audit().record(conn, actor, action, detail));
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

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }
}

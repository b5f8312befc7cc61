package io.tracemark.line;

import static io.tracemark.line.PackMlState.ABORTED;
import static io.tracemark.line.PackMlState.COMPLETE;
import static io.tracemark.line.PackMlState.IDLE;
import static io.tracemark.line.PackMlState.STOPPED;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.core.TracemarkException;
import io.tracemark.ledger.CodeLedger;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starting and resuming jobs on the line's thread: the checks, the validation and the printer on the
 * device worker, the challenge, the job's creation, then the run. Whatever fails inside a start, the
 * line aborts with an alarm naming it, never stays in STARTING.
 */
final class JobLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(LineController.class);

    private final LineCore core;
    private final RunLoop runLoop;
    private final UnitMatcher matcher;
    private final CodeLedger ledger;
    private final JobDetailsStore details;
    private final JobBook book;
    private final JobValidator validator;
    private final ChallengeTest challenge;
    private final JobIds jobIds;
    private final LineSettings settings;
    private final Clock clock;

    JobLifecycle(LineCore core, RunLoop runLoop, CodeLedger ledger, JobDetailsStore details, JobBook book,
                 JobValidator validator, ChallengeTest challenge, JobIds jobIds, LineSettings settings, Clock clock) {
        this.core = core;
        this.runLoop = runLoop;
        this.matcher = runLoop.matcher;
        this.ledger = ledger;
        this.details = details;
        this.book = book;
        this.validator = validator;
        this.challenge = challenge;
        this.jobIds = jobIds;
        this.settings = settings;
        this.clock = clock;
    }

    CompletableFuture<Void> startJob(JobRequest request, String actor) {
        core.requireState("start a job", STOPPED, IDLE, COMPLETE);
        core.requireNotBusy("start a job");
        book.requireNoOtherOpenJob();
        core.requireScanner(request.scanner(), "start the job");
        return validatedOffLoop("starting a job", () -> validator.validate(request, true), "job request")
                .thenCompose(valid -> startValidated(request, actor));
    }

    CompletableFuture<Void> startValidated(JobRequest request, String actor) {
        core.requireScanner(request.scanner(), "start the job");
        JobRun job = runLoop.newRun(request);
        String like = settings.challengeAtStart() ? book.likeCode(job) : null;
        core.audit(actor, "line.start", describe(request));
        core.toIdle();
        core.apply(PackMlCommand.START);
        return starting(job, actor, () -> {
            runLoop.attach(job, Set.of());
            return core.loop.offload("printer open and challenge", () -> {
                runLoop.openPrinter(job);
                return like == null ? null : challenge.run(job.printer, job.labels, like);
            });
        }, result -> {
            if (result != null) {
                core.audit(actor, "line.challenge", (result.passed() ? "passed: " : "FAILED: ") + result.detail());
                if (!result.passed()) {
                    abortStarting(job, StopCause.fault("challenge.failed", result.detail()), actor);
                    throw new TracemarkException("challenge test failed, the job does not run: " + result.detail());
                }
            }
            String jobId = jobIds.next();
            ledger.createJob(jobId, request.traceLevel(), request.quantity(), actor);
            details.save(jobId, request, job.minimum.letter(), actor);
            job.jobId(jobId);
            core.runEnded = false;
            core.view.job(job.summary());
            if (request.traceLevel().sharesCodeAcrossUnits()) {
                ledger.bindSharedCode(jobId, ledger.firstAvailable(request.scheme(), request.productId())
                        .orElseThrow(() -> new TracemarkException("no AVAILABLE code of scheme " + request.scheme()
                                + " to share across the job's units")), actor);
            }
            core.counters.reset(request.quantity(), null);
            runLoop.feed(job, book.supply(job));
            core.apply(PackMlCommand.STATE_COMPLETE);
            LOG.info("job {} started by {}: {}", jobId, actor, describe(request));
        });
    }

    CompletableFuture<Void> restartJob(String actor) {
        JobRun job = core.requireCurrentJob("resume");
        core.requireAcknowledged("resume the job");
        core.requireScanner(job.request.scanner(), "resume the job");
        if (core.sm.state() == ABORTED) {
            clearFault(actor);
        }
        core.requireState("resume the job", STOPPED, IDLE, COMPLETE);
        return validatedOffLoop("resuming a job", () -> validator.validate(job.request, false), "job " + job.jobId())
                .thenCompose(valid -> restartValidated(job, actor));
    }

    CompletableFuture<Void> restartValidated(JobRun job, String actor) {
        core.requireScanner(job.request.scanner(), "resume the job");
        core.audit(actor, "line.restart", "job " + job.jobId());
        core.toIdle();
        core.apply(PackMlCommand.START);
        return starting(job, actor, () -> {
            runLoop.attach(job, book.knownContent(job));
            return core.loop.offload("printer open", () -> {
                runLoop.openPrinter(job);
                return null;
            });
        }, ignored -> {
            CodeSupply supply = book.supply(job);
            core.counters.reset(job.quantity(), ledger.reconcile(job.jobId()));
            runLoop.feed(job, supply);
            core.apply(PackMlCommand.STATE_COMPLETE);
            core.loop.post("complete check", runLoop::completeIfDone);
        });
    }

    /**
     * Validates a job on the device worker (the check asks the printer for its status); the line is
     * busy meanwhile, so no other start, resume, suspend or end can slip in. Completes on the line's
     * thread, failing with every problem found.
     */
    CompletableFuture<Void> validatedOffLoop(String busy, Supplier<List<Problem>> validation, String subject) {
        core.busyWith = busy;
        return core.loop.offload("validate " + subject, validation).handle((problems, error) -> {
            core.busyWith = null;
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
    <T> CompletableFuture<Void> starting(JobRun job, String actor, Supplier<CompletableFuture<T>> devicesReady,
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

    TracemarkException failedStart(JobRun job, RuntimeException e, String actor) {
        if (!(e instanceof TracemarkException)) {
            LOG.error("start of the job failed", e);
        }
        String detail = e instanceof TracemarkException ? e.getMessage() : UnitMatcher.rootMessage(e);
        if (core.sm.state() == PackMlState.STARTING) {
            try {
                abortStarting(job, StopCause.fault("line.error", detail), actor);
            } catch (RuntimeException again) {
                LOG.error("abort after the failed start failed too", again);
                core.forceAborted(StopCause.fault("line.error", detail + "; then: " + UnitMatcher.rootMessage(again)));
            }
        }
        return e instanceof TracemarkException te ? te : new TracemarkException("the job could not start: " + detail, e);
    }

    void abortStarting(JobRun job, StopCause cause, String actor) {
        core.apply(PackMlCommand.ABORT);
        core.loop.fireAndForget("printer abort", job.printer::abort);
        matcher.halt(() -> { });
        core.alarms.raise(Alarm.Severity.FAULT, cause.cause(), cause.detail());
        core.audit(actor, "line.abort", cause.cause() + ": " + cause.detail());
        core.apply(PackMlCommand.STATE_COMPLETE);
    }

    void clearFault(String actor) {
        core.requireState("clear", ABORTED);
        core.requireAcknowledged("clear the fault");
        core.apply(PackMlCommand.CLEAR);
        core.audit(actor, "line.clear", "cleared after abort");
        core.apply(PackMlCommand.STATE_COMPLETE);
    }

    static String describe(JobRequest r) {
        return "product " + r.productId() + ", batch " + r.batch() + ", " + r.traceLevel() + ", scheme " + r.scheme()
                + ", template " + r.template() + ", printer " + r.printer() + ", scanner " + r.scanner()
                + ", quantity " + r.quantity();
    }

    CompletableFuture<Void> suspend(String actor) {
        JobRun job = core.requireCurrentJob("suspend");
        return runLoop.haltIfRunning(new StopCause("operator.suspend", "job suspended by " + actor, false), actor)
                .thenRun(() -> {
                    details.suspended(job.jobId(), true, actor, clock.instant());
                    core.endRun(job);
                    core.audit(actor, "job.suspend", "job " + job.jobId() + " suspended: its codes stay allocated; "
                            + ledger.reconcile(job.jobId()));
                    LOG.info("job {} suspended by {}", job.jobId(), actor);
                    core.view.changed();
                });
    }

    CompletableFuture<Void> resumeJob(String jobId, String actor) {
        core.requireNotBusy("resume job " + jobId);
        JobRequest request = book.openRequest(jobId);
        JobRun current = core.run;
        boolean isCurrent = current != null && jobId.equals(current.jobId()) && !core.runEnded;
        if (!isCurrent) {
            if (LineCore.RUNNING.contains(core.sm.state()) || core.sm.state().isActing()) {
                throw new TracemarkException("line is " + core.sm.state() + ": stop it before resuming job " + jobId);
            }
            if (current != null && current.jobId() != null && !core.runEnded) {
                throw new TracemarkException("job " + current.jobId() + " is the current job: end it or suspend "
                        + "it before resuming job " + jobId);
            }
            JobRun job = runLoop.newRun(request);
            job.jobId(jobId);
            core.makeCurrent(job);
            core.counters.reset(request.quantity(), ledger.reconcile(jobId));
        }
        details.suspended(jobId, false, actor, clock.instant());
        core.audit(actor, "job.resume", "job " + jobId);
        core.view.changed();
        return restartJob(actor);
    }

    CompletableFuture<Void> endBatch(String actor) {
        JobRun job = core.requireCurrentJob("end");
        return runLoop.haltIfRunning(new StopCause("operator.endBatch", "batch ended by " + actor, false), actor)
                .thenRun(() -> {
                    long released = ledger.releaseUnused(job.jobId(), actor);
                    core.lastReconciliation = ledger.reconcile(job.jobId());
                    core.endRun(job);
                    core.audit(actor, "job.end", "job " + job.jobId() + ": " + released + " released; "
                            + core.lastReconciliation);
                    LOG.info("job {} ended: {}", job.jobId(), core.lastReconciliation);
                    core.view.changed();
                });
    }

    CompletableFuture<ChallengeResult> challenge(String actor) {
        if (LineCore.RUNNING.contains(core.sm.state()) || core.sm.state().isActing()) {
            throw new TracemarkException("line is " + core.sm.state()
                    + ": the challenge test runs only while the line is stopped");
        }
        core.requireNotBusy("run the challenge test");
        JobRun job = core.run;
        if (job == null) {
            throw new TracemarkException("no job set up: the challenge test prints the job's label");
        }
        String like = book.likeCode(job);
        runLoop.attach(job, Set.of());
        core.busyWith = "the challenge test";
        return core.loop.offload("challenge", () -> {
            runLoop.openPrinter(job);
            ChallengeResult result = challenge.run(job.printer, job.labels, like);
            job.printer.abort();
            return result;
        }).handle((result, error) -> {
            core.busyWith = null;
            matcher.halt(() -> { });
            ChallengeResult r = error != null ? new ChallengeResult(false, false, false,
                    "the challenge could not run: " + UnitMatcher.rootMessage(error)) : result;
            core.audit(actor, "line.challenge", (r.passed() ? "passed: " : "FAILED: ") + r.detail());
            if (!r.passed()) {
                core.alarms.raise(Alarm.Severity.WARNING, "challenge.failed", r.detail());
            }
            core.view.changed();
            return r;
        });
    }
}

package io.tracemark.line;

import static io.tracemark.line.PackMlState.ABORTED;
import static io.tracemark.line.PackMlState.COMPLETE;
import static io.tracemark.line.PackMlState.EXECUTE;
import static io.tracemark.line.PackMlState.HOLDING;
import static io.tracemark.line.PackMlState.STOPPED;

import io.tracemark.core.TracemarkException;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.printer.Printer;
import io.tracemark.verify.ReadResult;
import java.awt.image.BufferedImage;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The run: what happens on the line's thread while a job is on the line. Camera results and printer
 * confirmations go to the matcher; a stop rule or a failure halts the line (the feeder and the
 * printer queue on the device worker, then the units in flight voided); a job whose units are all
 * verified completes. Owns the matcher.
 */
final class RunLoop {

    private static final Logger LOG = LoggerFactory.getLogger(LineController.class);
    /** How long an orderly stop waits for the printer to finish the labels it holds. */
    private static final Duration STOP_DRAIN = Duration.ofSeconds(2);
    /** How long an orderly stop waits, at most, for the verdicts of the labels that came out. */
    private static final Duration STOP_VERDICTS = Duration.ofSeconds(5);

    final UnitMatcher matcher;
    /** The reject gate as the line commands it (its counts for the device page). */
    final RejectActuator gate;
    private final LineCore core;
    private final CodeLedger ledger;
    private final JobBook book;
    private final LineDevices devices;
    private final LineSettings settings;
    private final Clock clock;
    private final LineRecords records;
    /** Done when the job's completion (COMPLETING, its device I/O included) is over. */
    private CompletableFuture<Void> completion = CompletableFuture.completedFuture(null);
    /**
     * Camera results that came while an abort cancels the printer (null otherwise): nothing is judged
     * once a fault stopped the line; they are handed to the matcher after the units in flight are
     * voided, which recognises and discards them.
     */
    private List<ReadResult> heldResults;
    /** While an orderly stop waits for the verdicts of printed labels: re-checks whether it may go on. */
    private Runnable stopDrain;
    /** Until when that stop waits at most (null while none waits). */
    private java.time.Instant stopDrainUntil;
    /** Whether the feeder is sending (not paused, stopped or done): the matcher's question {@code moreComing}. */
    private volatile boolean feeding;
    /** Runs {@link #checkTimeouts} when something can be overdue. */
    final VerdictWatchdog watchdog;

    RunLoop(LineCore core, CodeLedger ledger, JobBook book, LineDevices devices, LineSettings settings, Clock clock,
            LineRecords records) {
        this.core = core;
        this.ledger = ledger;
        this.book = book;
        this.devices = devices;
        this.settings = settings;
        this.clock = clock;
        this.records = records;
        this.gate = new RejectActuator(devices.gate(), settings.confirmRejects(), this::stopLater,
                core.loop.deviceWorker());
        this.matcher = new UnitMatcher(ledger, clock, gate, new UnitMatcher.Events() {
            @Override
            public void judged(UnitVerdict verdict, Judgement judgement) {
                onJudged(verdict, judgement);
            }

            @Override
            public void challengeJudged(UnitVerdict verdict, Judgement judgement) {
                JobRun job = core.run;
                records.live.show(verdict, judgement, true, job == null ? null : job.jobId(),
                        job == null ? null : job.labels);
                core.view.changed();
            }

            @Override
            public void stop(StopCause cause) {
                stopLater(cause);
            }

            @Override
            public void decided() {
                JobRun job = core.run;
                // one unit fewer awaits its verdict (the units still needed stay the same): that lets the
                // feeder send only if it waited for the bound of units awaiting a verdict
                if (job != null && job.feeder() != null
                        && matcher.awaiting() >= settings.maxAwaitingVerdict() - 1) {
                    job.feeder().wake();
                }
            }

            @Override
            public boolean moreComing() {
                JobRun job = core.run;
                return feeding && job != null
                        && job.quantity() - core.counters.verified() - matcher.inFlightNow() > 0;
            }
        }, core.loop.events("verdict written"));
        this.watchdog = new VerdictWatchdog(core.loop, clock, settings.verdictTimeout(), this::checkTimeouts,
                this::nextCheck);
    }

    /**
     * The verdict watchdog's tick: overdue units are missed (not while an abort holds the results);
     * while the job's scanner is still decoding frames the station holds, later.
     */
    void checkTimeouts() {
        if (heldResults == null) {
            matcher.checkTimeouts(decoderHoldsFrames());
        }
        checkStopDrain();
    }

    /** When {@link #checkTimeouts} can next act: a unit or result overdue, an orderly stop done waiting. */
    private Optional<java.time.Instant> nextCheck() {
        Optional<java.time.Instant> next = heldResults == null ? matcher.nextExpiry(decoderHoldsFrames())
                : Optional.empty();
        java.time.Instant until = stopDrainUntil;
        if (until != null && (next.isEmpty() || until.isBefore(next.get()))) {
            return Optional.of(until);
        }
        return next;
    }

    private boolean decoderHoldsFrames() {
        JobRun job = core.run;
        return job != null && devices.scanner(job.request.scanner()).map(io.tracemark.verify.Scanner::decoding)
                .orElse(false);
    }

    void onResult(String scanner, ReadResult result) {
        JobRun job = core.run;
        if (job == null || !scanner.equals(job.request.scanner())) {
            return;
        }
        imageOf(result).ifPresent(records::lastFrame);
        core.loop.post("camera result", () -> {
            if (heldResults != null) {
                heldResults.add(result);
            } else {
                matcher.result(result);
            }
        });
    }

    void onJudged(UnitVerdict verdict, Judgement judgement) {
        core.counters.judged(verdict.verified());
        core.view.verdict(verdict);
        JobRun judgedJob = core.run;
        records.live.show(verdict, judgement, false, judgedJob == null ? null : judgedJob.jobId(),
                judgedJob == null ? null : judgedJob.labels);
        if (!verdict.verified()) {
            judgement.image().ifPresent(img -> records.keepRejectImage(verdict.unitId(), img));
        }
        JobRun job = core.run;
        if (!verdict.verified() && job != null && job.feeder() != null) {
            // a reject: one more unit is needed. A good unit's durable verdict changes nothing the feeder
            // waits on (it was told when the unit was decided)
            job.feeder().wake();
        }
        core.view.changed();
        if (verdict.verified() && job != null && core.counters.verified() >= job.quantity()) {
            core.loop.post("complete check", this::completeIfDone);
        }
        checkStopDrain();
    }

    /** A stop rule fired: at once on the line's thread (no result queued behind it is judged), else posted. */
    void stopLater(StopCause cause) {
        if (core.loop.inLoop()) {
            halt(cause, CodeLedger.SYSTEM);
        } else {
            core.loop.post("stop " + cause.cause(), () -> halt(cause, CodeLedger.SYSTEM));
        }
    }

    /** An event threw: the line aborts with an alarm naming it, whatever state it is in. */
    void failedEvent(String what, RuntimeException e) {
        StopCause cause = LineCore.failureOf(e);
        StopCause named = StopCause.fault(cause.cause(), what + ": " + cause.detail());
        if (LineCore.RUNNING.contains(core.sm.state())) {
            halt(named, CodeLedger.SYSTEM);
        } else {
            core.forceAborted(named);
        }
    }

    CompletableFuture<Void> haltIfRunning(StopCause cause, String actor) {
        if (core.sm.state() == PackMlState.COMPLETING) {
            return completion.thenCompose(done -> haltIfRunning(cause, actor));
        }
        return LineCore.RUNNING.contains(core.sm.state()) ? halt(cause, actor) : CompletableFuture.completedFuture(null);
    }

    /**
     * Stops the running job: feeder, printer queue (device I/O on the worker), labels in flight voided,
     * alarm for a fault. Whatever fails on the way (storage full, a device), the line ends in STOPPED or
     * ABORTED with an alarm; the returned future completes (on the line's thread) when it does.
     */
    CompletableFuture<Void> halt(StopCause cause, String actor) {
        if (!LineCore.RUNNING.contains(core.sm.state()) || core.sm.state() == PackMlState.COMPLETING) {
            if (cause.fault() && core.sm.state() != ABORTED) {
                LOG.info("{} while the line is {}: {}", cause.cause(), core.sm.state(), cause.detail());
            }
            return CompletableFuture.completedFuture(null);
        }
        core.apply(cause.fault() ? PackMlCommand.ABORT : PackMlCommand.STOP);
        feeding(false);
        if (cause.fault()) {
            core.alarms.raise(Alarm.Severity.FAULT, cause.cause(), cause.detail());
            heldResults = new java.util.ArrayList<>();
        }
        JobRun job = core.run;
        if (job.feeder() != null) {
            job.feeder().requestPause();
        }
        return core.loop.offload("stop the printer", () -> {
            if (job.feeder() != null) {
                job.feeder().halt();
            }
            if (!cause.fault()) {
                awaitPrinted(job.printer);
            }
            return job.printer.abort();
        }).handle((unconfirmed, error) -> {
            if (error != null) {
                LOG.warn("cancelling the printer queue failed: {}", UnitMatcher.rootMessage(error));
            }
            return unconfirmed == null ? -1 : unconfirmed.size();
        }).thenCompose(unconfirmed -> cause.fault() ? CompletableFuture.completedFuture(unconfirmed)
                : verdictsOfPrinted().thenApply(done -> unconfirmed)).thenApply(unconfirmed -> {
            try {
                haltBooks(job, cause, actor, unconfirmed);
            } catch (RuntimeException e) {
                StopCause failure = LineCore.failureOf(e);
                LOG.error("stopping the line failed ({}): {}", failure.cause(), failure.detail());
                if (core.sm.state() == PackMlState.STOPPING) {
                    core.apply(PackMlCommand.ABORT);
                }
                core.alarms.raise(Alarm.Severity.FAULT, failure.cause(), failure.detail());
            }
            releaseHeldResults();
            core.apply(PackMlCommand.STATE_COMPLETE);
            return null;
        });
    }

    /**
     * An orderly stop judges the labels that came out: done (on the line's thread) when every unit
     * the printer confirmed has its verdict, or after one verdict timeout, at most {@link #STOP_VERDICTS}
     * (overdue units are judged missing by the watchdog meanwhile). Only what is left is voided.
     */
    private CompletableFuture<Void> verdictsOfPrinted() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Duration wait = settings.verdictTimeout().compareTo(STOP_VERDICTS) < 0 ? settings.verdictTimeout() : STOP_VERDICTS;
        java.time.Instant until = clock.instant().plus(wait);
        stopDrainUntil = until;
        stopDrain = () -> {
            if (matcher.awaitingPrinted() == 0 || !clock.instant().isBefore(until)) {
                stopDrain = null;
                stopDrainUntil = null;
                done.complete(null);
            }
        };
        stopDrain.run();
        return done;
    }

    private void checkStopDrain() {
        Runnable check = stopDrain;
        if (check != null) {
            check.run();
        }
    }

    void releaseHeldResults() {
        List<ReadResult> held = heldResults;
        heldResults = null;
        if (held != null) {
            held.forEach(matcher::result);
            watchdog.rearm(); // results held meanwhile may be overdue already
        }
    }

    void haltBooks(JobRun job, StopCause cause, String actor, int unconfirmed) {
        int[] voided = {0};
        matcher.halt(() -> voided[0] = ledger.voidInFlight(job.jobId(), cause.cause(), actor));
        core.counters.voided(voided[0]);
        if (cause.fault()) {
            LOG.warn("line aborted ({}): {}; {} unit(s) in flight voided", cause.cause(), cause.detail(), voided[0]);
        }
        core.audit(actor, cause.fault() ? "line.abort" : "line.stop", cause.cause() + ": " + cause.detail() + "; "
                + voided[0] + " units in flight voided, " + (unconfirmed < 0 ? "printer queue not cancelled"
                : unconfirmed + " not confirmed by the printer"));
    }

    /**
     * An orderly stop (PackML Stopping) lets the printer finish the labels it holds, at most
     * {@link #STOP_DRAIN}, so that none is left in doubt (printed or cancelled?) when the queue is
     * cancelled; a fault cancels at once. Runs on the device worker.
     */
    static void awaitPrinted(Printer printer) {
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

    void completeIfDone() {
        JobRun job = core.run;
        if (core.sm.state() != EXECUTE || job == null || core.counters.verified() < job.quantity()) {
            return;
        }
        core.apply(PackMlCommand.COMPLETE);
        feeding(false);
        job.feeder().requestPause();
        boolean cancel = matcher.awaiting() > 0;
        completion = core.loop.offload("complete the job", () -> {
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
                core.counters.voided(voided[0]);
                core.audit(CodeLedger.SYSTEM, "line.complete", "job " + job.jobId() + ": " + core.counters.verified() + " of "
                        + job.quantity() + " units verified" + (voided[0] > 0 ? ", " + voided[0] + " extra voided" : ""));
            } catch (RuntimeException e) {
                StopCause failure = LineCore.failureOf(e);
                LOG.error("completing the job failed ({}): {}", failure.cause(), failure.detail());
                core.apply(PackMlCommand.ABORT);
                core.alarms.raise(Alarm.Severity.FAULT, failure.cause(), failure.detail());
            }
            core.apply(PackMlCommand.STATE_COMPLETE);
            LOG.info("job {} complete: {}", job.jobId(), core.counters.snapshot());
        }).handle((ignored, error) -> null);
    }

    /** Makes the job current and starts judging for it (no device I/O: see {@link #openPrinter}). */
    void attach(JobRun job, Set<String> known) {
        JobRun previous = core.run;
        if (previous != null && previous != job) {
            previous.printer.removeListener(previous);
        }
        core.run = job;
        core.view.job(job.jobId() == null ? null : job.summary());
        job.printer.removeListener(job);
        job.printer.addListener(job);
        matcher.begin(new UnitMatcher.JobRules(job.request.traceLevel(), job.minimum,
                settings.consecutiveRejectLimit(), settings.verdictTimeout()), known);
    }

    /** Device I/O, on the worker: opens the job's printer with its settings and downloads the format. */
    void openPrinter(JobRun job) {
        job.printer.open(devices.settings(job.request.printer()));
        String setup = job.labels.setupZpl();
        if (!setup.isEmpty()) {
            job.printer.downloadFormat(setup);
        }
    }

    void feed(JobRun job, CodeSupply supply) {
        Feeder feeder = new Feeder(job.jobId(), ledger, supply, job.labels, job.printer, matcher,
                settings.maxAwaitingVerdict(), () -> (int) Math.min(Integer.MAX_VALUE,
                matcher.stillNeeded(job.quantity(), core.counters::verified)), this::stopLater, core.counters::sent, clock);
        job.feeder(feeder);
        feeder.start();
        feeding(true);
    }

    /**
     * The feeder sends (true) or stops sending: then the good verdicts the matcher kept for the line's
     * next event are told now, as no further result may come. On the line's thread.
     */
    void feeding(boolean on) {
        feeding = on;
        if (!on) {
            matcher.flushDurable();
        }
    }

    JobRun newRun(JobRequest request) {
        return book.newRun(request, matcher, this::stopLater, core.loop.events("printer event"));
    }

    static Optional<BufferedImage> imageOf(ReadResult result) {
        if (result instanceof ReadResult.Read read) {
            return read.image();
        }
        if (result instanceof ReadResult.NoRead noRead) {
            return noRead.image();
        }
        return Optional.empty();
    }

    CompletableFuture<Void> pause(String actor) {
        core.requireState("pause", EXECUTE);
        JobRun job = core.run;
        core.apply(PackMlCommand.HOLD);
        feeding(false);
        job.feeder().requestPause();
        core.audit(actor, "line.hold", "job " + job.jobId());
        return core.loop.offload("feeder pause", () -> {
            job.feeder().awaitPaused();
            return null;
        }).thenRun(() -> {
            if (core.sm.state() == HOLDING) {
                core.apply(PackMlCommand.STATE_COMPLETE);
            }
        });
    }

    CompletableFuture<Void> stop(String actor) {
        if (!LineCore.RUNNING.contains(core.sm.state())) {
            throw new TracemarkException("line is " + core.sm.state() + ": nothing to stop");
        }
        return halt(new StopCause("operator.stop", "stopped by " + actor, false), actor);
    }
}

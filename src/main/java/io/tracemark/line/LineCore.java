package io.tracemark.line;

import static io.tracemark.line.PackMlState.ABORTED;
import static io.tracemark.line.PackMlState.COMPLETE;
import static io.tracemark.line.PackMlState.EXECUTE;
import static io.tracemark.line.PackMlState.HELD;
import static io.tracemark.line.PackMlState.HOLDING;
import static io.tracemark.line.PackMlState.STOPPED;

import io.tracemark.core.TracemarkException;
import io.tracemark.ledger.CodeLedger;
import io.tracemark.ledger.Reconciliation;
import io.tracemark.store.Database;
import java.time.Clock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the parts of the line share, touched only on the line's thread ({@link LineLoop}): the PackML
 * state machine, the alarms, the counters, the panel's read model, the current job, and the rules
 * every command checks (state, acknowledged alarms, a working scanner, nothing else in progress).
 */
final class LineCore {

    private static final Logger LOG = LoggerFactory.getLogger(LineController.class);
    /** States in which a job is on the line (a stop has something to stop). */
    static final Set<PackMlState> RUNNING = EnumSet.of(EXECUTE, HOLDING, HELD, PackMlState.UNHOLDING,
            PackMlState.COMPLETING);

    final PackMlStateMachine sm = new PackMlStateMachine();
    final AlarmBoard alarms;
    final LineCounters counters;
    final LineReadModel view;
    final LineLoop loop;
    /** Scanners whose link or source is down, with why (written by scanner threads too). */
    final Map<String, String> scannersDown = new ConcurrentHashMap<>();
    private final Database db;
    private final CodeLedger ledger;
    // written on the line's thread; volatile for the panel's reads
    volatile JobRun run;
    volatile boolean runEnded;
    volatile Reconciliation lastReconciliation;
    /** What the line is doing outside the state model (validating a start, the challenge), or null. */
    String busyWith;

    LineCore(Database db, CodeLedger ledger, Clock clock, LineLoop loop) {
        this.db = db;
        this.ledger = ledger;
        this.loop = loop;
        this.alarms = new AlarmBoard(clock);
        this.counters = new LineCounters(clock);
        this.view = new LineReadModel(sm, counters, alarms);
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

    void apply(PackMlCommand command) {
        PackMlState before = sm.state();
        PackMlState after = sm.apply(command);
        LOG.info("PackML {} --{}--> {}", before, command, after);
        view.changed();
    }

    void audit(String actor, String action, String detail) {
        db.inTransaction(conn -> ledger.audit().record(conn, actor, action, detail));
    }

    void requireState(String action, PackMlState... allowed) {
        PackMlState state = sm.state();
        for (PackMlState s : allowed) {
            if (s == state) {
                return;
            }
        }
        String hint = state == ABORTED ? " (clear the fault first)" : "";
        throw new TracemarkException("line is " + state + ": cannot " + action + hint);
    }

    void requireNotBusy(String action) {
        if (busyWith != null) {
            throw new TracemarkException("cannot " + action + ": the line is busy with " + busyWith);
        }
    }

    /** A fault alarm must be acknowledged (seen by someone) before the line is cleared or restarted. */
    void requireAcknowledged(String action) {
        List<Alarm> faults = alarms.active().stream().filter(a -> a.severity() == Alarm.Severity.FAULT).toList();
        if (!faults.isEmpty()) {
            Alarm first = faults.get(0);
            throw new TracemarkException("cannot " + action + ": acknowledge the alarm first (alarm " + first.id()
                    + ", " + first.cause() + ": " + first.detail() + ")"
                    + (faults.size() > 1 ? " and " + (faults.size() - 1) + " more" : ""));
        }
    }

    /** The job's scanner must be connected: a line must not print what nobody can check. */
    void requireScanner(String scanner, String action) {
        String down = scannersDown.get(scanner);
        if (down != null) {
            throw new TracemarkException("cannot " + action + ": scanner " + scanner + " is not working (" + down
                    + "); it is retried by itself, try again once it is back");
        }
    }

    JobRun requireCurrentJob(String action) {
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

    void toIdle() {
        if (sm.state() == STOPPED || sm.state() == COMPLETE) {
            apply(PackMlCommand.RESET);
            apply(PackMlCommand.STATE_COMPLETE);
        }
    }

    /** Puts the state machine in ABORTED with an alarm, whatever state it is in (last resort). */
    void forceAborted(StopCause cause) {
        if (sm.state() != ABORTED && sm.state() != PackMlState.ABORTING) {
            apply(PackMlCommand.ABORT);
        }
        if (sm.state() == PackMlState.ABORTING) {
            apply(PackMlCommand.STATE_COMPLETE);
        }
        alarms.raise(Alarm.Severity.FAULT, cause.cause(), cause.detail());
        view.changed();
    }

    void makeCurrent(JobRun job) {
        run = job;
        runEnded = false;
        view.job(job.jobId() == null ? null : job.summary());
    }

    /** The job leaves the line (ended or suspended): its printer's events no longer reach it. */
    void endRun(JobRun job) {
        runEnded = true;
        job.printer.removeListener(job);
    }
}

package io.tracemark.web;

import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.core.TraceLevel;
import io.tracemark.core.TracemarkException;
import io.tracemark.ledger.JobState;
import io.tracemark.ledger.RejectCursor;
import io.tracemark.ledger.RejectQuery;
import io.tracemark.ledger.Reconciliation;
import io.tracemark.line.Alarm;
import io.tracemark.line.ChallengeResult;
import io.tracemark.line.Counters;
import io.tracemark.line.JobRequest;
import io.tracemark.line.JobSetupOptions;
import io.tracemark.line.JobSummary;
import io.tracemark.line.LineControl;
import io.tracemark.line.LineSnapshot;
import io.tracemark.line.PackMlCommand;
import io.tracemark.line.PackMlState;
import io.tracemark.line.PackMlStateMachine;
import io.tracemark.line.RejectFilter;
import io.tracemark.line.RejectPage;
import io.tracemark.line.RejectRecord;
import io.tracemark.line.UnitVerdict;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.imageio.ImageIO;

/**
 * A hand-written stand-in for the line (HikariCP style): a real PackML state machine, counters the
 * test drives, every action recorded, and a switch that makes the next action fail.
 */
final class StandInLine implements LineControl {

    static final JobSetupOptions OPTIONS = new JobSetupOptions(
            List.of(new JobSetupOptions.ProductChoice("P-001", "Mineral water 550 ml", "550 ml", 5000),
                    new JobSetupOptions.ProductChoice("P-002", "Helmet", "L", 120)),
            List.of("carton-100x60", "bottle-50x30"), List.of("printer-1"), List.of("scanner-1"),
            List.of("GS1_DIGITAL_LINK", "ECODE"), List.of("PRODUCT", "BATCH", "ITEM", "COMBINED"));

    private final PackMlStateMachine machine = new PackMlStateMachine();
    private final List<String> calls = new CopyOnWriteArrayList<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<Alarm> alarms = new ArrayList<>();
    private final List<RejectRecord> rejects = new ArrayList<>();
    private JobSummary job;
    private long planned;
    private long sent;
    private long verified;
    private long rejected;
    private long voided;
    private long version;
    private long nextId = 1;
    private UnitVerdict lastVerdict;
    private byte[] lastLabel;
    private byte[] lastFrame;
    private RuntimeException failNext;
    private boolean ended;
    private Reconciliation lastReconciliation;

    // ---- switches and drivers for tests ----

    /** The next action (start, pause, ... ack) throws this instead of acting. */
    synchronized void failNext(RuntimeException e) {
        failNext = e;
    }

    /** Actions so far, as "start 1001", "pause 1001", ... */
    List<String> calls() {
        return List.copyOf(calls);
    }

    /** Prints and verifies {@code units} units with grade A. */
    void produce(int units) {
        synchronized (this) {
            for (int i = 0; i < units; i++) {
                sent++;
                verified++;
                lastVerdict = new UnitVerdict(nextId++, sent, code(sent), true, "", "A", Instant.now());
            }
            lastLabel = png("LABEL " + code(sent), 400, 240);
            lastFrame = png("FRAME " + code(sent), 320, 240);
        }
        changed();
    }

    /** Prints a unit and rejects it. */
    void reject(String reason, String grade) {
        synchronized (this) {
            sent++;
            rejected++;
            long id = nextId++;
            String code = code(sent);
            lastVerdict = new UnitVerdict(id, sent, code, false, reason, grade, Instant.now());
            rejects.add(0, new RejectRecord(id, job == null ? null : job.jobId(), code, reason, grade, Instant.now(), true,
                    List.of()));
            lastFrame = png("REJECT " + code, 320, 240);
        }
        changed();
    }

    /** A fault stops the line, as the real one does: PackML Abort, a FAULT alarm, the unit in flight voided. */
    Alarm fault(String cause, String detail) {
        synchronized (this) {
            machine.apply(PackMlCommand.ABORT);
            machine.apply(PackMlCommand.STATE_COMPLETE);
            voided++;
        }
        return raiseAlarm(Alarm.Severity.FAULT, cause, detail);
    }

    Alarm raiseAlarm(Alarm.Severity severity, String cause, String detail) {
        Alarm alarm;
        synchronized (this) {
            alarm = new Alarm(nextId++, Instant.now(), severity, cause, detail);
            alarms.add(alarm);
        }
        changed();
        return alarm;
    }

    static String code(long seq) {
        return String.format("https://id.example.cn/01/06901234567892/21/S%06d", seq);
    }

    // ---- LineControl ----

    @Override
    public synchronized LineSnapshot snapshot() {
        long remaining = Math.max(0, planned - verified);
        long judged = verified + rejected;
        Counters counters = job == null ? Counters.NONE : new Counters(planned, sent, verified, rejected, voided,
                remaining, verified * 6.0, judged == 0 ? 100 : 100.0 * verified / judged);
        return new LineSnapshot(machine.state(), Optional.ofNullable(job), counters, List.copyOf(alarms),
                Optional.ofNullable(lastVerdict), version);
    }

    @Override
    public AutoCloseable onChange(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public JobSetupOptions setupOptions() {
        return OPTIONS;
    }

    @Override
    public List<Problem> validate(JobRequest r) {
        List<Problem> problems = new ArrayList<>();
        if (r.productId() == null) {
            problems.add(new Problem("productId", "product is required"));
        } else if (OPTIONS.products().stream().noneMatch(p -> p.id().equals(r.productId()))) {
            problems.add(new Problem("productId", "unknown product " + r.productId()));
        }
        if (r.batch() == null) {
            problems.add(new Problem("batch", "batch is required"));
        }
        if (r.productionDate() == null) {
            problems.add(new Problem("productionDate", "production date is required"));
        }
        if (r.traceLevel() == null) {
            problems.add(new Problem("traceLevel", "trace level is required"));
        }
        if (r.quantity() == null) {
            problems.add(new Problem("quantity", "quantity is required"));
        } else if (r.quantity() < 1 || r.quantity() > 100_000) {
            problems.add(new Problem("quantity", "quantity must be between 1 and 100000, was " + r.quantity()));
        }
        if (r.printer() != null && !OPTIONS.printers().contains(r.printer())) {
            problems.add(new Problem("printer", "unknown printer " + r.printer()));
        }
        if (r.minimumGrade() != null && !Set.of("A", "B", "C", "D").contains(r.minimumGrade())) {
            problems.add(new Problem("minimumGrade", "minimum grade must be A-D, was " + r.minimumGrade()));
        }
        return problems;
    }

    @Override
    public byte[] previewLabel(JobRequest request) {
        List<Problem> problems = validate(request);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("label preview", problems);
        }
        return png("PREVIEW " + request.batch(), 400, 240);
    }

    @Override
    public void start(JobRequest request, String actor) {
        synchronized (this) {
            act("start", actor);
            List<Problem> problems = validate(request);
            if (!problems.isEmpty()) {
                throw new InvalidInputException("job", problems);
            }
            if (machine.state() == PackMlState.STOPPED) {
                machine.apply(PackMlCommand.RESET);
                machine.apply(PackMlCommand.STATE_COMPLETE);
            }
            machine.apply(PackMlCommand.START);
            machine.apply(PackMlCommand.STATE_COMPLETE);
            String name = OPTIONS.products().stream().filter(p -> p.id().equals(request.productId()))
                    .findFirst().orElseThrow().name();
            job = new JobSummary("J-" + nextId++, request.productId(), name, request.batch(), request.productionDate(),
                    request.traceLevel() == null ? TraceLevel.ITEM : request.traceLevel(), request.scheme(),
                    request.template(), request.quantity(), request.minimumGrade());
            planned = request.quantity();
            sent = verified = rejected = voided = 0;
            ended = false;
            calls.add("start " + actor + " " + request.batch());
        }
        changed();
    }

    @Override
    public void pause(String actor) {
        command("pause", actor, PackMlCommand.HOLD);
    }

    @Override
    public void resume(String actor) {
        command("resume", actor, PackMlCommand.UNHOLD);
    }

    @Override
    public void stop(String actor) {
        command("stop", actor, PackMlCommand.STOP);
    }

    @Override
    public void endBatch(String actor) {
        synchronized (this) {
            act("end-batch", actor);
            if (job == null) {
                throw new TracemarkException("line is " + machine.state() + ": no job to end");
            }
            if (machine.allows(PackMlCommand.STOP)) {
                machine.apply(PackMlCommand.STOP);
                machine.apply(PackMlCommand.STATE_COMPLETE);
            }
            ended = true;
            lastReconciliation = Reconciliation.of(job.jobId(), job.traceLevel(), JobState.ENDED, planned, sent, verified,
                    rejected, voided, 0, planned - sent, 0, 0);
            calls.add("end-batch " + actor);
        }
        changed();
    }

    /** Like the line: a fault alarm must be acknowledged before the fault is cleared. */
    @Override
    public void clear(String actor) {
        synchronized (this) {
            requireAcknowledged("clear the fault");
        }
        command("clear", actor, PackMlCommand.CLEAR);
    }

    /** Like the line: clears an abort first, then Reset and Start with the same job. */
    @Override
    public void restart(String actor) {
        synchronized (this) {
            act("restart", actor);
            if (job == null || ended) {
                throw new TracemarkException("line is " + machine.state() + ": no unfinished job to resume");
            }
            requireAcknowledged("resume the job");
            if (machine.state() == PackMlState.ABORTED) {
                machine.apply(PackMlCommand.CLEAR);
                machine.apply(PackMlCommand.STATE_COMPLETE);
            }
            if (machine.allows(PackMlCommand.RESET)) {
                machine.apply(PackMlCommand.RESET);
                machine.apply(PackMlCommand.STATE_COMPLETE);
            }
            machine.apply(PackMlCommand.START);
            machine.apply(PackMlCommand.STATE_COMPLETE);
            calls.add("restart " + actor + " " + job.jobId());
        }
        changed();
    }

    @Override
    public synchronized Optional<Reconciliation> lastReconciliation() {
        return Optional.ofNullable(lastReconciliation);
    }

    @Override
    public void voidUnit(String code, String reason, String actor) {
        synchronized (this) {
            act("void", actor);
            if (job == null || !code.startsWith("https://id.example.cn/")) {
                throw new InvalidInputException("void", List.of(new Problem("code", "unknown code " + code)));
            }
            voided++;
            calls.add("void " + actor + " " + code + " " + reason);
        }
        changed();
    }

    @Override
    public synchronized ChallengeResult runChallenge(String actor) {
        act("challenge", actor);
        calls.add("challenge " + actor);
        return new ChallengeResult(true, true, true, "wrong label rejected, gate fired");
    }

    @Override
    public void acknowledgeAlarm(long alarmId, String actor) {
        synchronized (this) {
            act("ack", actor);
            if (!alarms.removeIf(a -> a.id() == alarmId)) {
                throw new TracemarkException("alarm " + alarmId + " is not active");
            }
            calls.add("ack " + actor + " " + alarmId);
        }
        changed();
    }

    @Override
    public synchronized RejectPage rejects(RejectFilter f) {
        RejectQuery q = f.query();
        List<RejectRecord> matching = rejects.stream()
                .filter(r -> q.jobId() == null || q.jobId().equals(r.jobId()))
                .filter(r -> q.reason() == null || q.reason().equals(r.reason()))
                .filter(r -> q.codeContains() == null || r.code().contains(q.codeContains()))
                .toList();
        List<RejectRecord> page = matching.stream()
                .filter(r -> f.after() == null || r.unitId() < f.after().unitId()) // newest first: ids fall
                .limit(f.limit()).toList();
        Map<String, Long> reasons = new java.util.LinkedHashMap<>();
        rejects.stream().filter(r -> q.jobId() == null || q.jobId().equals(r.jobId()))
                .forEach(r -> reasons.merge(r.reason(), 1L, Long::sum));
        RejectRecord last = page.isEmpty() ? null : page.get(page.size() - 1);
        boolean more = last != null && matching.indexOf(last) < matching.size() - 1;
        return new RejectPage(page, matching.size(), reasons, more ? new RejectCursor(last.at(), last.unitId()) : null);
    }

    @Override
    public synchronized Optional<byte[]> rejectImage(long unitId) {
        return rejects.stream().anyMatch(r -> r.unitId() == unitId)
                ? Optional.of(png("REJECT " + unitId, 320, 240)) : Optional.empty();
    }

    @Override
    public synchronized Optional<byte[]> lastLabelImage() {
        return Optional.ofNullable(lastLabel);
    }

    @Override
    public synchronized Optional<byte[]> lastFrameImage() {
        return Optional.ofNullable(lastFrame);
    }

    private void command(String name, String actor, PackMlCommand command) {
        synchronized (this) {
            act(name, actor);
            machine.apply(command);
            machine.apply(PackMlCommand.STATE_COMPLETE);
            calls.add(name + " " + actor);
        }
        changed();
    }

    /** The line's rule, with its message: no clear or restart while a FAULT alarm is not acknowledged. */
    private void requireAcknowledged(String action) {
        alarms.stream().filter(a -> a.severity() == Alarm.Severity.FAULT).findFirst().ifPresent(first -> {
            throw new TracemarkException("cannot " + action + ": acknowledge the alarm first (alarm " + first.id()
                    + ", " + first.cause() + ": " + first.detail() + ")");
        });
    }

    private void act(String name, String actor) {
        if (actor == null || actor.isBlank()) {
            throw new IllegalArgumentException(name + " without an actor");
        }
        RuntimeException failure = failNext;
        if (failure != null) {
            failNext = null;
            throw failure;
        }
    }

    private void changed() {
        synchronized (this) {
            version++;
        }
        listeners.forEach(Runnable::run);
    }

    static byte[] png(String text, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.MONOSPACED, Font.BOLD, 16));
        g.drawRect(4, 4, width - 9, height - 9);
        g.drawString(text.length() > 40 ? text.substring(text.length() - 40) : text, 12, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    Map<String, Object> unitJson(String code) {
        return Map.of("code", code, "state", "VERIFIED", "jobId", job == null ? "" : job.jobId());
    }
}

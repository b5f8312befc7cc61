package io.tracemark.web;

import io.javalin.http.Context;
import io.tracemark.core.InvalidInputException;
import io.tracemark.core.Problem;
import io.tracemark.line.JobRequest;
import io.tracemark.core.TracemarkException;
import io.tracemark.line.JobSetupOptions;
import io.tracemark.line.JobSummary;
import io.tracemark.line.OpenJob;
import io.tracemark.line.LineControl;
import io.tracemark.line.LineSnapshot;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** Status, job set-up and line commands. */
final class LineApi {

    private final LineControl line;
    private final Supplier<Map<String, Object>> extraStatus;
    private final Clock clock;
    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> MAP =
            new com.fasterxml.jackson.core.type.TypeReference<>() { };

    LineApi(LineControl line, Supplier<Map<String, Object>> extraStatus, Clock clock) {
        this.line = line;
        this.extraStatus = extraStatus;
        this.clock = clock;
    }

    void status(Context ctx) {
        ctx.json(PanelJson.status(line, extraStatus));
    }

    /** The choices of job set-up, and the station's date (its own time zone) to default the production date. */
    void setupOptions(Context ctx) {
        JobSetupOptions options = line.setupOptions();
        Map<String, Object> out = new LinkedHashMap<>(PanelJson.MAPPER.convertValue(options, MAP));
        out.put("today", LocalDate.now(clock.withZone(ZoneId.systemDefault())).toString());
        out.put("zone", ZoneId.systemDefault().getId());
        ctx.json(out);
    }

    /** POST /jobs/validate: 200 with every problem (from reading and from the line); ok when none. */
    void validate(Context ctx) {
        JobRequestReader.Read read = JobRequestReader.read(Bodies.object(ctx));
        List<Problem> problems = new ArrayList<>(read.problems());
        if (read.request() != null) {
            problems.addAll(line.validate(read.request()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("ok", problems.isEmpty());
        out.put("problems", MessageKeys.problemsJson(problems));
        ctx.json(out);
    }

    void preview(Context ctx) {
        JobRequest request = JobRequestReader.require(Bodies.object(ctx));
        ctx.contentType("image/png").result(line.previewLabel(request));
    }

    void start(Context ctx) {
        JobRequest request = JobRequestReader.require(Bodies.object(ctx));
        List<Problem> problems = line.validate(request);
        if (!problems.isEmpty()) {
            throw new InvalidInputException("job " + request.batch(), problems);
        }
        line.start(request, actor(ctx));
        status(ctx);
    }

    void pause(Context ctx) {
        line.pause(actor(ctx));
        status(ctx);
    }

    void resume(Context ctx) {
        line.resume(actor(ctx));
        status(ctx);
    }

    void stop(Context ctx) {
        line.stop(actor(ctx));
        status(ctx);
    }

    /** PackML Clear after a fault: ABORTED -> CLEARING -> STOPPED. */
    void clear(Context ctx) {
        line.clear(actor(ctx));
        status(ctx);
    }

    /** Resumes the current unfinished job (after a stop, a cleared fault or a restart of the station). */
    void restart(Context ctx) {
        line.restart(actor(ctx));
        status(ctx);
    }

    /** The reconciliation of the last batch ended since the station started; 404 when none was. */
    void lastReconciliation(Context ctx) {
        ctx.json(line.lastReconciliation().orElseThrow(() ->
                new NotFoundException("reconciliation of a batch ended since the station started")));
    }

    /** Suspends the current job: it stays OPEN with its codes, another job may start, it is resumed later. */
    void suspend(Context ctx) {
        line.suspendJob(actor(ctx));
        status(ctx);
    }

    /** The OPEN jobs: current, suspended or left over. */
    void openJobs(Context ctx) {
        ctx.json(line.openJobs());
    }

    /**
     * GET /jobs?limit= (1–200, default 50): the latest jobs, newest first, with their books; each marked
     * current and/or suspended as the line knows it, the current one with its product and batch.
     */
    void jobs(Context ctx, UnitLookup units) {
        int limit = RecordsApi.limit(ctx, 50, 200);
        Map<String, OpenJob> open = new LinkedHashMap<>();
        line.openJobs().forEach(j -> open.put(j.jobId(), j));
        Optional<JobSummary> current = line.snapshot().job();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Map<String, Object> job : units.jobs(limit)) {
            Map<String, Object> row = new LinkedHashMap<>(job);
            OpenJob o = open.get((String) job.get("jobId"));
            boolean isCurrent = current.map(c -> c.jobId().equals(job.get("jobId"))).orElse(false);
            row.put("current", o != null ? o.current() : isCurrent && "OPEN".equals(job.get("state")));
            row.put("suspended", o != null && o.suspended());
            row.put("productName", isCurrent ? current.get().productName() : null);
            row.put("batch", isCurrent ? current.get().batch() : null);
            out.add(row);
        }
        ctx.json(out);
    }

    /** Makes an OPEN job current and resumes it. */
    void resumeJob(Context ctx) {
        line.resumeJob(ctx.pathParam("id"), actor(ctx));
        status(ctx);
    }

    /**
     * Ends the batch, only from a stopped or paused line: the panel asks the operator to stop first, so
     * that the labels in flight are judged (or voided) with the operator's knowledge.
     */
    void endBatch(Context ctx) {
        LineSnapshot snapshot = line.snapshot();
        if (snapshot.status().equals("running")) {
            throw new TracemarkException("line is " + snapshot.state() + ": stop or pause the line before you end the batch");
        }
        line.endBatch(actor(ctx));
        status(ctx);
    }

    void challenge(Context ctx) {
        ctx.json(line.runChallenge(actor(ctx)));
    }

    void alarms(Context ctx) {
        ctx.json(line.snapshot().alarms());
    }

    void acknowledge(Context ctx) {
        long id = pathLong(ctx, "id");
        boolean active = line.snapshot().alarms().stream().anyMatch(a -> a.id() == id);
        if (!active) {
            throw new NotFoundException("active alarm " + id);
        }
        line.acknowledgeAlarm(id, actor(ctx));
        status(ctx);
    }

    static String actor(Context ctx) {
        return Gate.principal(ctx).actor();
    }

    static long pathLong(Context ctx, String name) {
        String text = ctx.pathParam(name);
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("path", List.of(new Problem(name, "not a whole number: '" + text + "'")));
        }
    }
}

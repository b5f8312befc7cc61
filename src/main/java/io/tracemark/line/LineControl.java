package io.tracemark.line;

import io.tracemark.core.Problem;
import io.tracemark.core.TracemarkException;
import io.tracemark.ledger.Reconciliation;
import java.util.List;
import java.util.Optional;

/**
 * What the touch panel, the REST API and the command line may do with a line. Every action names
 * the signed-in user who did it; the implementation writes it to the audit log. Methods that are not
 * allowed in the current {@link PackMlState} throw {@link io.tracemark.core.TracemarkException}
 * naming the state; invalid requests throw {@link io.tracemark.core.InvalidInputException} listing
 * every problem, and change nothing.
 */
public interface LineControl {

    /** The current state, job, counters, alarms and last verdict; cheap, call as often as needed. */
    LineSnapshot snapshot();

    /**
     * Registers a callback run (on a line thread, must not block) whenever anything in the snapshot
     * changes; returns the handle that unregisters it.
     */
    AutoCloseable onChange(Runnable listener);

    /** The choices offered by job set-up: products, templates, printers, scanners, schemes, levels. */
    JobSetupOptions setupOptions();

    /** Every problem with a job request, each naming its field; empty when the job could start. */
    List<Problem> validate(JobRequest request);

    /** A PNG preview of the job's label merged with real data (the next code the job would get). */
    byte[] previewLabel(JobRequest request);

    /** Validates, allocates codes, runs the challenge test (if configured) and starts printing. */
    void start(JobRequest request, String actor);

    /** PackML Hold: stop sending new labels; labels in flight are still judged. */
    void pause(String actor);

    /** PackML Unhold. */
    void resume(String actor);

    /**
     * PackML Stop: the printer finishes the labels it holds (a moment at most), the labels that came out
     * are still judged (a verdict timeout at most), then the printer queue is cancelled and what is left
     * in flight voided; the job can be resumed later.
     */
    void stop(String actor);

    /** Ends the batch: stop if needed, release unused codes, produce the job's reconciliation. */
    void endBatch(String actor);

    /** Voids one unit by its code with a reason (supervisor). */
    void voidUnit(String code, String reason, String actor);

    /** Runs the challenge test now: a deliberately wrong label must be rejected and the gate fire. */
    ChallengeResult runChallenge(String actor);

    /** Acknowledges an active alarm. */
    void acknowledgeAlarm(long alarmId, String actor);

    /** Rejected units, newest first. */
    List<RejectRecord> rejects(RejectFilter filter);

    /** The camera image kept for a rejected unit, as PNG. */
    Optional<byte[]> rejectImage(long unitId);

    /** The image of the last label printed, as PNG. */
    Optional<byte[]> lastLabelImage();

    /** The last camera frame, as PNG. */
    Optional<byte[]> lastFrameImage();

    // ---- extensions (default methods, so existing implementations keep compiling) ----------

    /**
     * PackML Clear: acknowledges that the cause of an abort was dealt with; ABORTED -> CLEARING ->
     * STOPPED. A job can then be started or the current one resumed.
     */
    default void clear(String actor) {
        throw new TracemarkException("clear is not supported by this line");
    }

    /**
     * Resumes the current unfinished job after a stop, an abort (clears first) or a restart of the
     * station: Reset, Start, and printing continues with new codes; units voided stay voided.
     */
    default void restart(String actor) {
        throw new TracemarkException("restart is not supported by this line");
    }

    /** The reconciliation produced by the last {@link #endBatch}, if any. */
    default Optional<Reconciliation> lastReconciliation() {
        return Optional.empty();
    }

    /**
     * Suspends the current job: it stops if running, keeps its codes ALLOCATED and stays OPEN, listed
     * by {@link #openJobs()}; another job can then start; {@link #resumeJob} takes it up again.
     */
    default void suspendJob(String actor) {
        throw new TracemarkException("suspend is not supported by this line");
    }

    /** Makes an OPEN job (suspended, or left over) the current one and resumes it (as {@link #restart}). */
    default void resumeJob(String jobId, String actor) {
        throw new TracemarkException("resuming another job is not supported by this line");
    }

    /** The OPEN jobs, oldest first, with whether each is suspended. */
    default List<OpenJob> openJobs() {
        return List.of();
    }

    /** The unit the live view shows: the last judged (a challenge label included), if any. */
    default Optional<LiveUnit> liveUnit() {
        return Optional.empty();
    }

    /** A unit among the last few judged, by id; empty for another. */
    default Optional<LiveUnit> liveUnit(long unitId) {
        return Optional.empty();
    }

    /** The camera frame judged for a unit among the last few judged; empty for another. */
    default Optional<java.awt.image.BufferedImage> liveFrame(long unitId) {
        return Optional.empty();
    }

    /** The label of a unit among the last few judged, drawn from the ZPL the station sent, as PNG. */
    default Optional<byte[]> liveLabel(long unitId) {
        return Optional.empty();
    }

    /** The latest camera frame of the job's scanner (for drawing its code box), if any. */
    default Optional<java.awt.image.BufferedImage> latestFrame() {
        return Optional.empty();
    }

    /**
     * Every device of the line, as of now: printers asked for their status (bounded by their status
     * timeout), scanners and the gate with their counts. For the device page; may take a moment.
     */
    default List<DeviceState> deviceStates() {
        return List.of();
    }

    /** The code box of a scanner's camera, if one was drawn. */
    default Optional<CodeBox> codeBox(String scanner) {
        return Optional.empty();
    }

    /**
     * Stores a scanner's code box (empty: remove it) and makes its decoder search only there from the
     * next frame on; audited. Refuses, changing nothing, a scanner that is not configured, one whose
     * frames the station does not decode, and a box not inside the frame it was drawn on.
     */
    default Optional<CodeBox> setCodeBox(String scanner, Optional<CodeBox> box, String actor) {
        throw new TracemarkException("code boxes are not supported by this line");
    }
}

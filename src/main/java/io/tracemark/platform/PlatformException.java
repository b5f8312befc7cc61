package io.tracemark.platform;

import io.tracemark.core.TracemarkException;
import io.tracemark.platform.wire.FieldProblem;
import java.util.List;

/**
 * A call to the traceability platform failed. The message names the platform, the method and
 * path, and what went wrong; {@link #kind()} says whether trying again later may help.
 */
public class PlatformException extends TracemarkException {

    /** Why a call failed. */
    public enum Kind {
        /** No connection could be made (refused, reset, unknown host). Retry later. */
        UNREACHABLE,
        /** No complete reply within the timeout. Retry later. */
        TIMEOUT,
        /** The platform answered 5xx. Retry later. */
        SERVER_ERROR,
        /** The platform refused the request (4xx): retrying the same request will not help. */
        REFUSED,
        /** The reply could not be understood (bad JSON, missing or inconsistent fields). */
        BAD_REPLY
    }

    private final Kind kind;
    private final int status;
    private final List<FieldProblem> problems;

    public PlatformException(Kind kind, int status, String message, List<FieldProblem> problems, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public Kind kind() {
        return kind;
    }

    /** HTTP status of the reply, 0 if there was none. */
    public int status() {
        return status;
    }

    /** Problems the platform listed in its error body, if any. */
    public List<FieldProblem> problems() {
        return problems;
    }

    /** Whether the same call may succeed later (outage, timeout, 5xx, garbled reply). */
    public boolean isRetriable() {
        return kind != Kind.REFUSED;
    }
}

package io.tracemark.platform.reference;

import io.tracemark.platform.wire.ApiError;
import io.tracemark.platform.wire.FieldProblem;
import java.util.List;

/** A request the reference platform refuses; becomes an {@link ApiError} body in one place. */
public final class ApiException extends RuntimeException {

    private final int status;
    private final List<FieldProblem> problems;

    public ApiException(int status, String error, List<FieldProblem> problems) {
        super(error);
        this.status = status;
        this.problems = List.copyOf(problems);
    }

    public static ApiException notFound(String what) {
        return new ApiException(404, what + " not found", List.of());
    }

    public static ApiException badRequest(String error, List<FieldProblem> problems) {
        return new ApiException(400, error, problems);
    }

    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, field + ": " + message, List.of(new FieldProblem(field, message)));
    }

    public ApiError body() {
        return new ApiError(status, getMessage(), problems);
    }

    public int status() {
        return status;
    }
}

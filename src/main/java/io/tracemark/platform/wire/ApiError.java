package io.tracemark.platform.wire;

import java.util.List;

/** Every error reply of the contract: HTTP status, one line, and the fields at fault. */
public record ApiError(int status, String error, List<FieldProblem> problems) {

    public ApiError {
        problems = problems == null ? List.of() : List.copyOf(problems);
    }
}

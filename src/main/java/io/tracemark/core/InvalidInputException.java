package io.tracemark.core;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Input (a file, a config, a request, a template) was refused; carries every problem found, not
 * only the first, so a person can fix them all at once. Nothing was changed.
 */
public class InvalidInputException extends TracemarkException {

    private final List<Problem> problems;

    public InvalidInputException(String what, List<Problem> problems) {
        super(what + ": " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + ": "
                + problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}

package io.tracemark.platform.wire;

/** One problem in a request or reply: the field (or code) it concerns and what is wrong. */
public record FieldProblem(String field, String message) {

    @Override
    public String toString() {
        return field + ": " + message;
    }
}

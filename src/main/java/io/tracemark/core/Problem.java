package io.tracemark.core;

import java.util.Objects;

/**
 * One thing wrong with some input: where it is (a config key path, a line number, a field name)
 * and what is wrong with it.
 *
 * @param where   path of the bad element, e.g. {@code printer.uri} or {@code line 17}
 * @param message what is wrong, in words a person can act on
 */
public record Problem(String where, String message) {

    public Problem {
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return where.isEmpty() ? message : where + ": " + message;
    }
}

package io.tracemark.cli;

import io.tracemark.core.TracemarkException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failed command into one line on stderr and exit status 2; an unexpected failure keeps its
 * stack trace (that is a bug, not bad input).
 */
final class OneLineErrors implements IExecutionExceptionHandler {

    static final int BAD_INPUT = 2;

    @Override
    public int handleExecutionException(Exception ex, CommandLine commandLine, ParseResult parseResult) {
        if (ex instanceof TracemarkException || ex instanceof IllegalArgumentException) {
            commandLine.getErr().println("error: " + ex.getMessage());
            return BAD_INPUT;
        }
        commandLine.getErr().println("error: " + ex);
        ex.printStackTrace(commandLine.getErr());
        return BAD_INPUT + 1;
    }
}

package io.tracemark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code codes}: the trace-code standards and the code ledger, one subcommand per task. */
@Command(name = "codes",
        mixinStandardHelpOptions = true,
        description = "Validate trace codes and manage the code ledger.",
        subcommands = {
                CodesValidateCommand.class,
                CodesImportCommand.class,
        })
public final class CodesCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "codes: name a subcommand, e.g. codes validate CODE");
    }
}

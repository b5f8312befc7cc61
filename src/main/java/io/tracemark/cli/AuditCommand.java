package io.tracemark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code audit}: the station's keyed audit trail. */
@Command(name = "audit",
        mixinStandardHelpOptions = true,
        description = "The station's audit trail (a hash chain keyed with the station's audit key).",
        subcommands = {
                AuditVerifyCommand.class,
        })
public final class AuditCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "audit: name a subcommand, e.g. audit verify --data DIR");
    }
}

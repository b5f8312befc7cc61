package io.tracemark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code backup now|list}: online backups of the station database. */
@Command(name = "backup",
        mixinStandardHelpOptions = true,
        description = "Online backups of the station database (taken while the line runs, verified, with checksums).",
        subcommands = {
                BackupNowCommand.class,
                BackupListCommand.class,
        })
public final class BackupCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "backup: name a subcommand, backup now or backup list");
    }
}

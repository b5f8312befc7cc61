package io.tracemark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code archive run|list|verify|delete}: retention of finished jobs in monthly archive files. */
@Command(name = "archive",
        mixinStandardHelpOptions = true,
        description = {"Retention: finished jobs move from the live database into monthly read-only archive files"
                + " (DIR/archive, SHA-256 in a manifest) that reconcile, report and epcis still read;"
                + " archives are kept at least 3 years (guideline 7.1.3) and deleted only by an administrator."},
        subcommands = {
                ArchiveRunCommand.class,
                ArchiveListCommand.class,
                ArchiveVerifyCommand.class,
                ArchiveDeleteCommand.class,
        })
public final class ArchiveCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "archive: name a subcommand, archive run, list, verify or delete");
    }
}

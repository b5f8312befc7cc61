package io.tracemark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code master-data}: producer and product master data of a station without a platform. */
@Command(name = "master-data",
        mixinStandardHelpOptions = true,
        description = "Producer and product master data (guideline 5.3.3) for a station without a platform.",
        subcommands = {
                MasterDataImportCommand.class,
        })
public final class MasterDataCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "master-data: name a subcommand, e.g. master-data import FILE");
    }
}

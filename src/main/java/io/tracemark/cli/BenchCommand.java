package io.tracemark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bench NAME}: the project's own benchmarks, one subcommand each. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = "Run one of the project's benchmarks.",
        subcommands = {
                BenchLedgerCommand.class,
                BenchLabelsCommand.class,
                PrinterBench.class,
                BenchVerifyCommand.class,
                BenchPlatformCommand.class,
                BenchLineCommand.class,
                BenchRecordsCommand.class,
                BenchArchiveCommand.class,
                BenchAuditCommand.class,
                BenchSiteCommand.class,
                BenchRecallCommand.class,
        })
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "bench: name a benchmark, e.g. bench labels");
    }
}

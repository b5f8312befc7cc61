package io.tracemark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bench NAME}: the project's own benchmarks (DESIGN.md section 5), one subcommand each. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = "Run one of tracemark's benchmarks and print its figures.",
        subcommands = {
                BenchLedgerCommand.class,
                PrinterBench.class,
                BenchVerifyCommand.class,
                BenchLineCommand.class,
        })
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "bench: name a benchmark, e.g. bench ledger");
    }
}

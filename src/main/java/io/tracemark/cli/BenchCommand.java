package io.tracemark.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code bench NAME}: the project's own benchmarks; each is a subcommand. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Run one of the project's benchmarks.",
        subcommands = PrinterBench.class)
public final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

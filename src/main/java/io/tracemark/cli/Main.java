package io.tracemark.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Entry point of {@code tracemark.jar}. Every command is a picocli subcommand listed here; each
 * exits non-zero with a one-line reason on bad input.
 */
@Command(name = "tracemark",
        mixinStandardHelpOptions = true,
        version = "tracemark 0.1.0",
        description = "On-line coding station: prints traceability codes, verifies them, accounts for every one.",
        subcommands = {
                CommandLine.HelpCommand.class,
                CodesCommand.class,
                MasterDataCommand.class,
                AuditCommand.class,
                ReportCommand.class,
                RecallCommand.class,
                EpcisCommand.class,
                ReconcileCommand.class,
                PrinterCommand.class,
                VirtualPrinterCommand.class,
                RenderCommand.class,
                VerifyImageCommand.class,
                PlatformCommand.class,
                DemoCommand.class,
                RunCommand.class,
                VirtualLineCommand.class,
                BenchCommand.class,
                BackupCommand.class,
                ArchiveCommand.class,
                RestoreCommand.class,
                AcceptLossCommand.class,
                SiteCommand.class,
        })
public final class Main implements Runnable {

    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs a command line and returns its exit code; used by tests to run commands in-process. */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler(new OneLineErrors());
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}

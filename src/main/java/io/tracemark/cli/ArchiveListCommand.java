package io.tracemark.cli;

import io.tracemark.records.archive.Archives;
import io.tracemark.store.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code archive list [--data DIR] [--json]}: the registered archives. */
@Command(name = "list",
        mixinStandardHelpOptions = true,
        description = "List the archive files the live database handed jobs to, oldest month first, with SHA-256,"
                + " jobs, units and any deletion (who, when, why).")
public final class ArchiveListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "data directory holding station.db (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--json", description = "print one JSON document: the archives")
    boolean json;

    @Override
    public Integer call() {
        List<Archives.Entry> entries;
        try (Database db = DataDirectory.openExisting(data)) {
            entries = Archives.registered(db);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, Map.of("archives", entries.stream().map(Archives.Entry::fields).toList()));
            return 0;
        }
        if (entries.isEmpty()) {
            out.println("no archives in " + data);
        }
        for (Archives.Entry e : entries) {
            out.println(e.name() + ".db  jobs ended " + e.month() + "  " + e.jobs() + " jobs  " + e.units() + " units  "
                    + e.bytes() + " bytes  sha256 " + e.sha256()
                    + (e.deleted() ? "  DELETED " + e.deletedAt() + " by " + e.deletedBy() + ": " + e.deleteReason() : ""));
        }
        out.flush();
        return 0;
    }
}

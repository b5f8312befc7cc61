package io.tracemark.cli;

import io.tracemark.records.archive.ArchiveDeletion;
import io.tracemark.records.archive.Archives;
import io.tracemark.store.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code archive delete --before MONTH --by ADMIN --reason TEXT [--data DIR] [--json]}. */
@Command(name = "delete",
        mixinStandardHelpOptions = true,
        description = {"Delete the archives of jobs that ended before MONTH (yyyy-MM): an explicit administrator's"
                + " action, recorded in the archive list and the audit trail. Refused whole while any of them is"
                + " younger than 3 years (guideline 7.1.3).",
            "Exit status: 0, 2 refused (younger than 3 years, not an administrator) or bad usage."})
public final class ArchiveDeleteCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "data directory holding station.db (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--before", paramLabel = "MONTH", required = true, description = "yyyy-MM: archives of earlier months")
    String before;

    @Option(names = "--by", paramLabel = "ADMIN", required = true, description = "the administrator's user id")
    String by;

    @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "why (recorded)")
    String reason;

    @Option(names = "--json", description = "print one JSON document: the archives deleted")
    boolean json;

    @Override
    public Integer call() {
        YearMonth month;
        try {
            month = YearMonth.parse(before);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("archive delete: --before '" + before + "' is not a month (yyyy-MM)");
        }
        List<Archives.Entry> deleted;
        try (Database db = DataDirectory.openExisting(data)) {
            deleted = ArchiveDeletion.deleteBefore(db, month, by, reason, Clock.systemUTC());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, Map.of("deleted", deleted.stream().map(Archives.Entry::fields).toList()));
            return 0;
        }
        if (deleted.isEmpty()) {
            out.println("no archive of a month before " + month + " in " + data);
        }
        deleted.forEach(e -> out.println("deleted " + e.name() + ".db (jobs ended " + e.month() + ", " + e.units()
                + " units) by " + by));
        out.flush();
        return 0;
    }
}

package io.tracemark.cli;

import io.tracemark.records.archive.ArchiveManifest;
import io.tracemark.records.archive.ArchiveRun;
import io.tracemark.store.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code archive run [--data DIR] [--after-days N] [--json]}: archive the months that are due now. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        description = {"Move finished jobs whose month of end lies wholly more than --after-days in the past into one"
                + " new archive file per month (written, verified, synced and made read-only before the live rows are"
                + " deleted; also while the station runs). The station does this itself on the schedule of"
                + " station.yaml's archive: section.",
            "Exit status: 0, 1 the run failed (nothing is lost: its rows stay live), 2 bad usage."})
public final class ArchiveRunCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "data directory holding station.db (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--after-days", paramLabel = "N", defaultValue = "90",
            description = "archive jobs of months that ended more than N days ago (default: ${DEFAULT-VALUE})")
    int afterDays;

    @Option(names = "--json", description = "print one JSON document: the archives written, jobs moved")
    boolean json;

    @Override
    public Integer call() {
        if (afterDays < 1) {
            throw new IllegalArgumentException("archive run: --after-days must be at least 1, not " + afterDays);
        }
        ArchiveRun.Result result;
        try (Database db = DataDirectory.openExisting(data)) {
            result = new ArchiveRun(db, Duration.ofDays(afterDays), Clock.systemUTC(), ArchiveRun.Steps.NONE).run();
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, result.fields());
            return 0;
        }
        if (result.archives().isEmpty() && result.jobsMoved() == 0) {
            out.println("nothing to archive in " + data + " (no finished job of a month older than " + afterDays + " days)");
        }
        for (ArchiveManifest m : result.archives()) {
            out.println(m.databaseFile() + "  jobs ended " + m.month() + "  " + m.jobs().size() + " jobs  " + m.units()
                    + " units  " + m.bytes() + " bytes  sha256 " + m.sha256());
        }
        out.println(result.jobsMoved() + " jobs moved out of the live database"
                + (result.heldLive().isEmpty() ? "" : "; staying live for now: " + String.join(", ", result.heldLive())));
        out.flush();
        return 0;
    }
}

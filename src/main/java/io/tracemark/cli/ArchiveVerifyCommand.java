package io.tracemark.cli;

import io.tracemark.records.archive.ArchiveVerification;
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

/** {@code archive verify [--data DIR] [--json]}: every archive intact. */
@Command(name = "verify",
        mixinStandardHelpOptions = true,
        description = {"Check every registered archive: present, read-only, SHA-256 as registered and in its manifest,"
                + " SQLite integrity_check, the units registered.",
            "Exit status: 0 all intact, 1 some archive is not, 2 bad usage."})
public final class ArchiveVerifyCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "data directory holding station.db (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--json", description = "print one JSON document: each archive's verdict")
    boolean json;

    @Override
    public Integer call() {
        List<ArchiveVerification.Verdict> verdicts;
        try (Database db = DataDirectory.openExisting(data)) {
            verdicts = ArchiveVerification.verify(db);
        }
        boolean intact = verdicts.stream().allMatch(ArchiveVerification.Verdict::intact);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, Map.of("intact", intact,
                    "archives", verdicts.stream().map(ArchiveVerification.Verdict::fields).toList()));
        } else {
            if (verdicts.isEmpty()) {
                out.println("no archives in " + data);
            }
            for (ArchiveVerification.Verdict v : verdicts) {
                out.println(v.name() + ": " + (v.intact() ? "intact" : "NOT INTACT: " + String.join("; ", v.problems())));
            }
            out.flush();
        }
        return intact ? 0 : 1;
    }
}

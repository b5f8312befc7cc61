package io.tracemark.cli;

import io.tracemark.records.backup.Restore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code restore BACKUP --data DIR [--by USER] [--json]}: a verified backup in place of the station database. */
@Command(name = "restore",
        mixinStandardHelpOptions = true,
        description = {"Put a backup (station-<time>.db with its manifest) in place of the station database of DIR."
                + " Refused while a station runs on DIR and for a copy whose checksum or integrity check fails.",
            "The files replaced are moved to DIR/replaced-<time>/, never deleted; the restore is audited with what"
                + " the replaced database had beyond the backup. The station then starts, recovers and resumes.",
            "Exit status: 0 restored, 2 refused or bad usage."})
public final class RestoreCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "BACKUP", description = "the backup's .db file")
    Path backup;

    @Option(names = "--data", paramLabel = "DIR", required = true, description = "data directory to restore into")
    Path data;

    @Option(names = "--by", paramLabel = "USER", defaultValue = "restore",
            description = "who restores (audited; default: ${DEFAULT-VALUE})")
    String by;

    @Option(names = "--json", description = "print one JSON document: what was restored and what was given up")
    boolean json;

    @Override
    public Integer call() {
        Restore.Outcome outcome = Restore.restore(backup, data, by, Clock.systemUTC());
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("restored", outcome.backup().name());
            doc.put("sha256", outcome.backup().sha256());
            doc.put("data", data.toString());
            doc.put("replacedInto", outcome.replaced().map(Path::toString).orElse(null));
            doc.put("givenUp", outcome.given());
            doc.put("quarantined", outcome.quarantined());
            JsonOutput.print(out, doc);
        } else {
            out.println("restored " + outcome.backup().name() + " into " + data
                    + outcome.replaced().map(p -> " (replaced files moved to " + p + ")").orElse(""));
            outcome.given().forEach(g -> out.println("  given up: " + g));
            if (!outcome.quarantined().isEmpty()) {
                out.println("  quarantined (may have been sent after the backup; never sent again): "
                        + outcome.quarantined().size() + " codes");
                outcome.quarantined().forEach(c -> out.println("    " + c));
            }
            out.flush();
        }
        return 0;
    }
}

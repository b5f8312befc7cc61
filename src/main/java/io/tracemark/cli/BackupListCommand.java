package io.tracemark.cli;

import io.tracemark.records.backup.BackupFolder;
import io.tracemark.records.backup.BackupManifest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code backup list [--data DIR] [--in FOLDER]... [--verify] [--json]}: the backups, oldest first. */
@Command(name = "list",
        mixinStandardHelpOptions = true,
        description = {"List the backups in the backup folders, oldest first, with size, SHA-256 and units; with"
                + " --verify each copy's checksum is computed again.",
            "Exit status: 0, 1 when --verify finds a copy that no longer matches its checksum, 2 bad usage."})
public final class BackupListCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "data directory (default: ${DEFAULT-VALUE}); its backups/ folder is listed without --in")
    Path data;

    @Option(names = "--in", paramLabel = "FOLDER", description = "backup folder (repeat for several)")
    List<Path> folders = new ArrayList<>();

    @Option(names = "--verify", description = "compute each copy's SHA-256 again and compare it with its manifest")
    boolean verify;

    @Option(names = "--json", description = "print one JSON document: the backups")
    boolean json;

    @Override
    public Integer call() {
        List<Path> sources = folders.isEmpty() ? List.of(data.resolve("backups")) : folders;
        List<Map<String, Object>> listed = new ArrayList<>();
        boolean allIntact = true;
        PrintWriter out = spec.commandLine().getOut();
        for (Path folder : sources) {
            BackupFolder backups = new BackupFolder(folder);
            for (BackupManifest manifest : backups.list()) {
                Map<String, Object> entry = new java.util.LinkedHashMap<>();
                entry.put("file", backups.databaseOf(manifest).toString());
                entry.putAll(manifest.fields());
                entry.remove("witness");
                if (verify) {
                    boolean intact = backups.intact(manifest);
                    allIntact &= intact;
                    entry.put("intact", intact);
                }
                listed.add(entry);
                if (!json) {
                    out.println(entry.get("file") + "  " + manifest.takenAt() + "  " + manifest.bytes() + " bytes  units "
                            + manifest.counts().get("units") + "  sha256 " + manifest.sha256()
                            + (verify ? (Boolean.TRUE.equals(entry.get("intact")) ? "  intact" : "  DAMAGED") : ""));
                }
            }
        }
        if (json) {
            JsonOutput.print(out, Map.of("backups", listed));
        } else {
            if (listed.isEmpty()) {
                out.println("no backups in " + sources);
            }
            out.flush();
        }
        return allIntact ? 0 : 1;
    }
}

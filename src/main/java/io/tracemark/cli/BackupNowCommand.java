package io.tracemark.cli;

import io.tracemark.records.backup.BackupFolder;
import io.tracemark.records.backup.BackupManifest;
import io.tracemark.records.backup.OnlineBackup;
import io.tracemark.store.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code backup now [--data DIR] [--to FOLDER]... [--keep N] [--json]}: one verified backup into each folder. */
@Command(name = "now",
        mixinStandardHelpOptions = true,
        description = {"Take a backup of the station database now, also while the station runs: a consistent copy"
                + " (SQLite VACUUM INTO), verified (integrity check, row counts, high-water marks), then renamed into"
                + " place with its manifest (SHA-256, counts, marks, audit chain head).",
            "Exit status: 0 every folder has its new backup, 1 some folder failed, 2 bad usage."})
public final class BackupNowCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "data directory holding station.db (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--to", paramLabel = "FOLDER",
            description = "backup folder (repeat for several; default: DIR/backups, made if missing)")
    List<Path> folders = new ArrayList<>();

    @Option(names = "--keep", paramLabel = "N", description = "keep the newest N backups per folder, delete older ones")
    Integer keep;

    @Option(names = "--json", description = "print one JSON document: each folder's new backup or failure")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (keep != null && keep < 1) {
            throw new IllegalArgumentException("--keep must be at least 1, not " + keep);
        }
        List<Path> targets = folders.isEmpty() ? List.of(data.resolve("backups")) : folders;
        if (folders.isEmpty()) {
            java.nio.file.Files.createDirectories(targets.get(0));
        }
        List<Map<String, Object>> results = new ArrayList<>();
        boolean allGood = true;
        try (Database db = DataDirectory.openExisting(data)) {
            OnlineBackup backup = new OnlineBackup(db, Clock.systemUTC());
            for (Path folder : targets) {
                Map<String, Object> result = new LinkedHashMap<>();
                result.put("folder", folder.toString());
                try {
                    BackupManifest manifest = backup.into(folder);
                    result.put("ok", true);
                    result.put("file", folder.resolve(manifest.databaseFile()).toString());
                    result.putAll(manifest.fields());
                    if (keep != null) {
                        result.put("pruned", new BackupFolder(folder).prune(keep));
                    }
                } catch (RuntimeException e) {
                    allGood = false;
                    result.put("ok", false);
                    result.put("error", e.getMessage());
                }
                results.add(result);
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            JsonOutput.print(out, Map.of("backups", results));
        } else {
            for (Map<String, Object> r : results) {
                out.println(Boolean.TRUE.equals(r.get("ok"))
                        ? r.get("file") + "  " + r.get("bytes") + " bytes  sha256 " + r.get("sha256") + "  "
                                + String.format("%.2f s", (Double) r.get("seconds"))
                        : "FAILED " + r.get("folder") + ": " + r.get("error"));
            }
            out.flush();
        }
        return allGood ? 0 : 1;
    }
}

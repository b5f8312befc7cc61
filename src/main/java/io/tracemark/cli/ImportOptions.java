package io.tracemark.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The options every import command shares ({@code --data}, {@code --actor}, {@code --json}); a picocli mixin. */
final class ImportOptions {

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "data directory holding station.db (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--actor", paramLabel = "NAME", description = "who imports, for the audit log (default: the OS user)")
    String actor;

    @Option(names = "--json", description = "print one JSON document describing the outcome")
    boolean json;

    /** Who imports, for the audit log: {@code --actor}, else the OS user. */
    String who() {
        return actor != null ? actor : "cli:" + System.getProperty("user.name", "unknown");
    }

    /** Refuses a {@code file} that is not there, naming {@code what} it should be. */
    static void requireFile(Path file, String what) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(what + " " + file + " does not exist or is not a file");
        }
    }
}

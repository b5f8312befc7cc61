package io.tracemark.cli;

import io.tracemark.core.StorageException;
import io.tracemark.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens the station database of a {@code --data DIR} option. */
final class DataDirectory {

    private DataDirectory() {
    }

    /** Opens (creating if needed) the database in {@code dir}. */
    static Database open(Path dir) {
        return Database.open(dir);
    }

    /** Opens the database in {@code dir}, which must already exist (for commands that only read). */
    static Database openExisting(Path dir) {
        Path file = dir.resolve(Database.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new StorageException("no station database at " + file + " (is --data right?)");
        }
        return Database.open(dir);
    }
}

package io.tracemark.store;

import io.tracemark.core.StorageException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Finds out, before SQLite is asked, whether the data directory and the database file can be
 * written, by really creating a file and opening the database for writing: permission bits say
 * nothing for root, and a read-only mount or an immutable directory refuses writes whatever the
 * bits say. SQLite itself would only report {@code SQLITE_CANTOPEN} or a read-only database on the
 * first write.
 */
final class WritableCheck {

    private WritableCheck() {
    }

    static void require(Path dataDir, Path file) {
        Path probe = dataDir.resolve(".write-probe-" + ProcessHandle.current().pid());
        try {
            Files.deleteIfExists(probe);
            Files.createFile(probe);
            Files.delete(probe);
        } catch (IOException e) {
            throw new StorageException("the data directory " + dataDir.toAbsolutePath() + " is read-only (" + reason(e)
                    + "): the station needs to write its database there", e);
        }
        if (Files.exists(file)) {
            try (FileChannel ignored = FileChannel.open(file, StandardOpenOption.WRITE)) {
                // writable
            } catch (IOException e) {
                throw new StorageException("the database " + file.toAbsolutePath() + " is read-only (" + reason(e)
                        + "): the station needs to write it", e);
            }
        }
    }

    private static String reason(IOException e) {
        String text = e.getMessage();
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            text = fse.getReason();
        } else if (e instanceof java.nio.file.AccessDeniedException) {
            text = "permission denied";
        }
        return text == null ? e.getClass().getSimpleName() : text;
    }
}

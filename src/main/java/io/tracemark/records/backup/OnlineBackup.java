package io.tracemark.records.backup;

import io.tracemark.core.StorageException;
import io.tracemark.store.Database;
import io.tracemark.store.LedgerMarks;
import io.tracemark.store.Marks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * Takes one backup of the live station database into a folder, while the line runs:
 * <ol>
 *   <li>a consistent copy ({@link Database#copyInto}, SQLite {@code VACUUM INTO}: one read snapshot,
 *       the writer goes on) under a temporary name {@code .<name>.db.partial};</li>
 *   <li>the copy verified: {@code integrity_check}, row counts no lower than the live database had
 *       before the copy began, marks no lower than the live witness's before it began;</li>
 *   <li>synced, renamed to {@code <name>.db}, then its manifest written as {@code .<name>.json.partial},
 *       synced and renamed to {@code <name>.json}; the folder synced.</li>
 * </ol>
 * A backup exists only once its manifest does, and the manifest names the copy's checksum: a kill at
 * any moment leaves either a complete, verified backup or files no listing takes for one (partials and
 * a copy without manifest, removed by the next backup).
 */
public final class OnlineBackup {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Database db;
    private final Clock clock;

    public OnlineBackup(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /**
     * Takes a backup into {@code folder} (which must exist and be writable).
     *
     * @throws StorageException naming the folder and the reason (missing, read-only, disk full, a copy
     *                          that fails verification); nothing that looks like a backup is left then
     */
    public BackupManifest into(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new StorageException("backup folder " + folder + " does not exist");
        }
        Instant start = clock.instant();
        long t0 = System.nanoTime();
        String name = "station-" + STAMP.format(start);
        Path partial = folder.resolve("." + name + ".db.partial");
        Path copy = folder.resolve(name + ".db");
        Path manifestPartial = folder.resolve("." + name + ".json.partial");
        try {
            BackupFolder.removeLeftovers(folder);
            try {
                Files.createFile(partial); // VACUUM INTO takes an empty file; a folder that refuses it says so here
            } catch (IOException e) {
                throw new StorageException("backup folder " + folder + " is not writable (" + describe(e) + ")", e);
            }
            Map<String, Long> before = db.read(BackupFiles::counts);
            Marks marksBefore = db.marks();
            db.copyInto(partial);
            BackupManifest manifest = verify(partial, name, start, before, marksBefore, t0);
            BackupFiles.sync(partial);
            Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
            Files.write(manifestPartial, manifest.toJson());
            BackupFiles.sync(manifestPartial);
            Files.move(manifestPartial, folder.resolve(name + ".json"), StandardCopyOption.ATOMIC_MOVE);
            BackupFiles.sync(folder);
            return manifest;
        } catch (StorageException e) {
            deleteQuietly(manifestPartial);
            deleteQuietly(partial);
            throw e.getMessage().startsWith("backup folder") ? e
                    : new StorageException("backup to " + folder + " failed: " + e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(manifestPartial);
            deleteQuietly(partial);
            deleteQuietly(copy);
            String reason = e instanceof IOException io ? describe(io) : e.getMessage();
            throw new StorageException("backup to " + folder + " failed: " + reason, e);
        }
    }

    private BackupManifest verify(Path partial, String name, Instant start, Map<String, Long> before,
                                  Marks marksBefore, long t0) {
        try (Connection conn = BackupFiles.readOnly(partial)) {
            List<String> problems = BackupFiles.integrity(conn);
            if (!problems.isEmpty()) {
                throw new StorageException("the copy fails its integrity check: " + problems.get(0));
            }
            Map<String, Long> counts = BackupFiles.counts(conn);
            before.forEach((table, rows) -> {
                if (counts.get(table) < rows) {
                    throw new StorageException("the copy holds " + counts.get(table) + " rows of " + table
                            + ", the database had " + rows + " before the copy began");
                }
            });
            Marks marks = LedgerMarks.of(conn, marksBefore);
            List<String> short_ = marksBefore.missingFrom(marks, true);
            if (!short_.isEmpty()) {
                throw new StorageException("the copy is older than the database was when it began: " + short_.get(0));
            }
            String head = BackupFiles.auditHead(conn);
            double seconds = (System.nanoTime() - t0) / 1e9;
            return new BackupManifest(name, start, Files.size(partial), BackupFiles.sha256(partial), seconds, counts,
                    marks, head);
        } catch (SQLException | IOException e) {
            throw new StorageException("the copy " + partial + " cannot be verified: " + e.getMessage(), e);
        }
    }

    private static String describe(IOException e) {
        if (e instanceof java.nio.file.FileSystemException fse && fse.getReason() != null) {
            return fse.getFile() + ": " + fse.getReason();
        }
        return e.toString();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover the next backup removes
        }
    }
}

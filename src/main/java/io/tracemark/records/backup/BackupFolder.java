package io.tracemark.records.backup;

import io.tracemark.core.StorageException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The backups in one folder: those with a manifest and their copy, newest last. Everything else a
 * backup leaves while it runs (partials, a copy whose manifest was never written) is not a backup.
 */
public final class BackupFolder {

    /** A copy without manifest this old is a leftover of a killed backup, not one being finished. */
    private static final Duration ORPHAN_AGE = Duration.ofMinutes(10);

    private final Path folder;

    public BackupFolder(Path folder) {
        this.folder = folder;
    }

    public Path path() {
        return folder;
    }

    /** The backups, oldest first; an empty list when the folder does not exist. */
    public List<BackupManifest> list() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<BackupManifest> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("station-.*\\.json")).toList()) {
                BackupManifest manifest = BackupManifest.read(file);
                if (Files.isRegularFile(folder.resolve(manifest.databaseFile()))) {
                    found.add(manifest);
                }
            }
        } catch (IOException e) {
            throw new StorageException("cannot list backup folder " + folder + ": " + e.getMessage(), e);
        }
        found.sort(Comparator.comparing(BackupManifest::takenAt));
        return found;
    }

    /** The copy of a listed backup. */
    public Path databaseOf(BackupManifest manifest) {
        return folder.resolve(manifest.databaseFile());
    }

    /** Whether the copy's SHA-256 and size are still those of its manifest. */
    public boolean intact(BackupManifest manifest) {
        Path copy = databaseOf(manifest);
        try {
            return Files.size(copy) == manifest.bytes() && BackupFiles.sha256(copy).equals(manifest.sha256());
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Keeps the newest {@code keep} backups (at least one) and deletes the older ones, manifest first
     * (a copy without manifest is no backup, whatever happens next).
     *
     * @return the names of the backups deleted
     */
    public List<String> prune(int keep) {
        List<BackupManifest> all = list();
        List<String> pruned = new ArrayList<>();
        for (BackupManifest old : all.subList(0, Math.max(0, all.size() - Math.max(1, keep)))) {
            try {
                Files.deleteIfExists(folder.resolve(old.name() + ".json"));
                Files.deleteIfExists(databaseOf(old));
                pruned.add(old.name());
            } catch (IOException e) {
                throw new StorageException("cannot delete old backup " + old.name() + " in " + folder + ": "
                        + e.getMessage(), e);
            }
        }
        return pruned;
    }

    /** Deletes what killed backups left (partials, copies without manifest) once it is a few minutes old. */
    static void removeLeftovers(Path folder) throws IOException {
        Instant orphanBefore = Instant.now().minus(ORPHAN_AGE);
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                boolean partial = name.startsWith(".station-") && name.endsWith(".partial");
                boolean orphan = name.matches("station-.*\\.db")
                        && !Files.exists(folder.resolve(name.substring(0, name.length() - 3) + ".json"));
                // another process may be writing a backup here right now: only what is minutes old is left over
                if ((partial || orphan) && Files.getLastModifiedTime(file).toInstant().isBefore(orphanBefore)) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}

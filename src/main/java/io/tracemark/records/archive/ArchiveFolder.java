package io.tracemark.records.archive;

import io.tracemark.core.StorageException;
import io.tracemark.records.backup.BackupFiles;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The archive folder of a data directory ({@code DIR/archive}): the archive files with their manifests,
 * {@code orphaned/} for files of moves that never committed, and the lock one archive run holds.
 */
public final class ArchiveFolder {

    /** The folder's name inside the data directory. */
    public static final String NAME = "archive";
    static final String ORPHANED = "orphaned";

    private final Path folder;

    public ArchiveFolder(Path dataDir) {
        this.folder = dataDir.resolve(NAME);
    }

    public Path path() {
        return folder;
    }

    /** The archive file named {@code name} (without {@code .db}). */
    public Path databaseOf(String name) {
        return folder.resolve(name + ".db");
    }

    /** The manifest of {@code name}, when written. */
    public Optional<ArchiveManifest> manifest(String name) {
        Path file = folder.resolve(name + ".json");
        return Files.isRegularFile(file) ? Optional.of(ArchiveManifest.read(file)) : Optional.empty();
    }

    /** Names of archive files present (with or without manifest), oldest first. */
    List<String> namesPresent() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("jobs-") && n.endsWith(".db"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new StorageException("cannot list the archive folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Removes the partial files a killed run left (never a finished archive file). */
    void removePartials() throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".partial")).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /**
     * Moves an archive file the live database never took (a run killed before its commit: its rows are
     * all still live) with its manifest to {@code orphaned/}; kept, not deleted.
     */
    void setAside(String name) throws IOException {
        Path aside = Files.createDirectories(folder.resolve(ORPHANED));
        for (String file : List.of(name + ".json", name + ".db")) {
            Path from = folder.resolve(file);
            if (Files.exists(from)) {
                Files.move(from, aside.resolve(file), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        BackupFiles.sync(folder);
    }

    /** Makes a file read-only for everyone (r--r--r--). */
    static void makeReadOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.GROUP_READ,
                    PosixFilePermission.OTHERS_READ));
        } catch (UnsupportedOperationException notPosix) {
            if (!file.toFile().setReadOnly()) {
                throw new IOException("cannot make " + file + " read-only");
            }
        }
    }

    /** Whether a file's permissions let anyone write it (root writes any file: the bits are what is checked). */
    static boolean writableByPermissions(Path file) throws IOException {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            return p.contains(PosixFilePermission.OWNER_WRITE) || p.contains(PosixFilePermission.GROUP_WRITE)
                    || p.contains(PosixFilePermission.OTHERS_WRITE);
        } catch (UnsupportedOperationException notPosix) {
            return Files.isWritable(file);
        }
    }

    /** Deletes an archive file and its manifest (the explicit deletion after three years). */
    void delete(String name) throws IOException {
        for (String file : List.of(name + ".db", name + ".json")) {
            Path p = folder.resolve(file);
            if (Files.exists(p)) {
                p.toFile().setWritable(true, true);
                Files.delete(p);
            }
        }
        BackupFiles.sync(folder);
    }

    /** Holds the folder's lock: one archive run at a time (the station's schedule, a command). */
    Lock lock() {
        try {
            Files.createDirectories(folder);
            FileChannel ch = FileChannel.open(folder.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException held) {
                lock = null;
            }
            if (lock == null) {
                ch.close();
                throw new StorageException("another archive run is under way in " + folder);
            }
            return new Lock(ch);
        } catch (IOException e) {
            throw new StorageException("cannot lock the archive folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The folder's lock, released by {@link #close}. */
    record Lock(FileChannel channel) implements AutoCloseable {
        @Override
        public void close() {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing the channel releases the lock either way
            }
        }
    }
}

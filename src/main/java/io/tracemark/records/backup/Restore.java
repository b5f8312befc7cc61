package io.tracemark.records.backup;

import io.tracemark.core.StorageException;
import io.tracemark.records.StationLock;
import io.tracemark.store.AuditLog;
import io.tracemark.store.Database;
import io.tracemark.store.LedgerMarks;
import io.tracemark.store.Marks;
import io.tracemark.store.Witness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * Puts a verified backup in place of a data directory's database. Refuses while a station runs there
 * ({@link StationLock}), and a copy whose checksum or integrity check fails. The database it replaces
 * (with its log and witness) is moved, never deleted, to {@code replaced-<time>/}; the witness starts
 * from the backup's marks; the restore is audited in the restored database with what the replaced
 * witness had beyond the backup (what the restore gives up).
 */
public final class Restore {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private Restore() {
    }

    /**
     * What a restore did.
     *
     * @param backup   the backup restored
     * @param replaced where the replaced files went (empty when the directory held no database)
     * @param given    what the replaced database's witness had beyond the backup, one sentence each
     * @param quarantined codes the replaced database may have sent after the backup, now QUARANTINED
     */
    public record Outcome(BackupManifest backup, Optional<Path> replaced, List<String> given, List<String> quarantined) {
    }

    /**
     * Restores {@code copy} (a backup's {@code .db}, its manifest beside it) into {@code dataDir}.
     *
     * @throws StorageException when a station runs there, the backup is not intact, or a file cannot be moved
     */
    public static Outcome restore(Path copy, Path dataDir, String actor, Clock clock) {
        BackupManifest manifest = manifestOf(copy);
        if (!BackupFiles.sha256(copy).equals(manifest.sha256())) {
            throw new StorageException("backup " + copy + " does not match its checksum (" + manifest.sha256()
                    + "): it was changed or damaged after it was taken; choose another one");
        }
        try (Connection conn = BackupFiles.readOnly(copy)) {
            List<String> problems = BackupFiles.integrity(conn);
            if (!problems.isEmpty()) {
                throw new StorageException("backup " + copy + " fails its integrity check: " + problems.get(0));
            }
        } catch (SQLException e) {
            throw new StorageException("backup " + copy + " cannot be read: " + e.getMessage(), e);
        }
        try (StationLock lock = StationLock.take(dataDir, "restore")) {
            Path witnessFile = Witness.file(dataDir);
            List<String> given = List.of();
            Optional<Marks> replacedMarks = readQuietly(witnessFile);
            if (replacedMarks.isPresent()) {
                given = givenUp(copy, replacedMarks.get());
            }
            Optional<Path> replaced = moveAside(dataDir, clock);
            Path restoring = dataDir.resolve(Database.FILE_NAME + ".restoring");
            Files.copy(copy, restoring, StandardCopyOption.REPLACE_EXISTING);
            BackupFiles.sync(restoring);
            Files.move(restoring, dataDir.resolve(Database.FILE_NAME), StandardCopyOption.ATOMIC_MOVE);
            Witness.replace(witnessFile, manifest.marks());
            BackupFiles.sync(dataDir);
            List<String> quarantined;
            try (Database db = Database.open(dataDir)) {
                String detail = "backup " + manifest.name() + " sha256 " + manifest.sha256()
                        + replaced.map(p -> "; replaced files in " + p).orElse("")
                        + (given.isEmpty() ? "" : "; given up (after the backup): " + String.join("; ", given));
                AuditLog audit = new AuditLog(db, clock);
                db.inTransaction(c -> audit.record(c, actor, "backup.restore", detail));
                quarantined = RestoreQuarantine.apply(db, manifest, replaced, replacedMarks.orElse(null), actor, clock);
            }
            return new Outcome(manifest, replaced, given, quarantined);
        } catch (IOException e) {
            throw new StorageException("restore of " + copy + " into " + dataDir + " failed: " + e.getMessage(), e);
        }
    }

    /** What {@code replaced} (the witness of the database being replaced) has beyond the backup. */
    private static List<String> givenUp(Path copy, Marks replaced) {
        try (Connection conn = BackupFiles.readOnly(copy)) {
            return replaced.missingFrom(LedgerMarks.of(conn, replaced),
                    replaced.lastJob().isEmpty() || LedgerMarks.hasJob(conn, replaced.lastJob()));
        } catch (SQLException e) {
            throw new StorageException("backup " + copy + " cannot be read: " + e.getMessage(), e);
        }
    }

    static BackupManifest manifestOf(Path copy) {
        String name = copy.getFileName().toString();
        if (!name.endsWith(".db")) {
            throw new StorageException("backup " + copy + " is not a backup copy (station-<time>.db)");
        }
        Path manifest = copy.resolveSibling(name.substring(0, name.length() - 3) + ".json");
        if (!Files.isRegularFile(copy) || !Files.isRegularFile(manifest)) {
            throw new StorageException("backup " + copy + " is not a complete backup (the copy and its manifest "
                    + manifest.getFileName() + " are needed)");
        }
        return BackupManifest.read(manifest);
    }

    private static Optional<Marks> readQuietly(Path witnessFile) {
        try {
            return Witness.read(witnessFile);
        } catch (StorageException damaged) {
            return Optional.empty();
        }
    }

    private static Optional<Path> moveAside(Path dataDir, Clock clock) throws IOException {
        List<String> names = List.of(Database.FILE_NAME, Database.FILE_NAME + "-wal", Database.FILE_NAME + "-shm",
                Witness.FILE_NAME);
        if (names.stream().noneMatch(n -> Files.exists(dataDir.resolve(n)))) {
            return Optional.empty();
        }
        Path aside = dataDir.resolve("replaced-" + STAMP.format(clock.instant()));
        Files.createDirectories(aside);
        for (String name : names) {
            Path file = dataDir.resolve(name);
            if (Files.exists(file)) {
                Files.move(file, aside.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        return Optional.of(aside);
    }
}

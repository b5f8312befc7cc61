package io.tracemark.records.archive;

import io.tracemark.store.Database;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The archives the live database registered, and where an archived job is: what readers
 * ({@code reconcile}, {@code report}, {@code epcis}, recall) use to find a job's rows once it left the
 * live database.
 */
public final class Archives {

    private Archives() {
    }

    /**
     * One registered archive.
     *
     * @param deletedAt when an admin deleted it (null: kept)
     */
    public record Entry(String name, String month, String sha256, long bytes, long jobs, long units, long transitions,
                        Instant archivedAt, Instant deletedAt, String deletedBy, String deleteReason) {

        public boolean deleted() {
            return deletedAt != null;
        }

        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("month", month);
            m.put("sha256", sha256);
            m.put("bytes", bytes);
            m.put("jobs", jobs);
            m.put("units", units);
            m.put("transitions", transitions);
            m.put("archivedAt", archivedAt.toString());
            m.put("deletedAt", deletedAt == null ? null : deletedAt.toString());
            m.put("deletedBy", deletedBy);
            m.put("deleteReason", deleteReason);
            return m;
        }
    }

    /** The registered archives, oldest month first. */
    public static List<Entry> registered(Database db) {
        return db.read(conn -> {
            List<Entry> out = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT name, month, sha256, bytes, jobs, units, transitions, "
                    + "archived_at, deleted_at, deleted_by, delete_reason FROM archives ORDER BY month, name");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long deleted = rs.getLong(9);
                    out.add(new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6), rs.getLong(7), Instant.ofEpochMilli(rs.getLong(8)),
                            rs.wasNull() || deleted == 0 ? null : Instant.ofEpochMilli(deleted), rs.getString(10),
                            rs.getString(11)));
                }
            }
            return out;
        });
    }

    static List<String> registeredNames(Database db) {
        return registered(db).stream().map(Entry::name).toList();
    }

    /** The archive holding {@code job}'s rows, when it was moved out of the live database. */
    public static Optional<String> archiveOf(Database db, String job) {
        return db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT archived_in FROM jobs WHERE id = ?")) {
                ps.setString(1, job);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
                }
            }
        });
    }

    /** Every archived job with the file that holds it, in the order the jobs were made. */
    public static Map<String, Path> archivedJobs(Database db) {
        ArchiveFolder folder = new ArchiveFolder(db.file().getParent());
        return db.read(conn -> {
            Map<String, Path> out = new LinkedHashMap<>();
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT id, archived_in FROM jobs WHERE archived_in IS NOT NULL ORDER BY rowid");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), folder.databaseOf(rs.getString(2)));
                }
            }
            return out;
        });
    }

    /**
     * The archive of {@code job} opened read-only (close it), when the job was archived.
     *
     * @throws io.tracemark.core.StorageException when the job's archive was deleted or its file is missing
     */
    public static Optional<Database> open(Database db, String job) {
        return archiveOf(db, job).map(name -> {
            Path file = new ArchiveFolder(db.file().getParent()).databaseOf(name);
            if (!java.nio.file.Files.exists(file)) {
                throw new io.tracemark.core.StorageException("job " + job + " was archived in " + file
                        + ", which is no longer there" + (deletedBy(db, name).map(by -> " (deleted by " + by + ")").orElse("")));
            }
            return Database.openArchive(file);
        });
    }

    private static Optional<String> deletedBy(Database db, String name) {
        return registered(db).stream().filter(e -> e.name().equals(name) && e.deleted()).map(Entry::deletedBy).findFirst();
    }

    /**
     * The kept archives opened read-only, each with the jobs whose home it is (for recall's union); the caller
     * closes them. An archive whose file is missing is left out (archive verify reports it).
     */
    public static List<Map.Entry<Database, java.util.Set<String>>> openAll(Database db) {
        Map<Path, java.util.Set<String>> byFile = new LinkedHashMap<>();
        archivedJobs(db).forEach((job, file) -> byFile.computeIfAbsent(file, f -> new java.util.LinkedHashSet<>()).add(job));
        List<Map.Entry<Database, java.util.Set<String>>> out = new ArrayList<>();
        byFile.forEach((file, jobs) -> {
            if (java.nio.file.Files.isRegularFile(file)) {
                out.add(Map.entry(Database.openArchive(file), jobs));
            }
        });
        return out;
    }
}

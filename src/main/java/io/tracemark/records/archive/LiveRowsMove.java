package io.tracemark.records.archive;

import io.tracemark.core.StorageException;
import io.tracemark.records.backup.BackupFiles;
import io.tracemark.store.Database;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Moves one archived job out of the live database after the archive holding its rows was written,
 * verified, synced and registered. First one transaction checks that the live rows are those the archive
 * holds and marks the job {@code archived_in} (from then on every reader takes the job from the archive);
 * then the rows are deleted by key in transactions of at most {@value #CHUNK} rows, children before units
 * (so no foreign key check is needed: {@link Database#inDeletingTransaction}), so that the line's commits
 * never wait long for the writer. A run killed in between leaves rows of a job
 * marked archived, which the next run deletes ({@link #purge}); readers ignore them.
 */
final class LiveRowsMove {

    static final int CHUNK = 2_000;

    private final Database db;

    LiveRowsMove(Database db) {
        this.db = db;
    }

    /** The archived rows of {@code job}, per moved table, units last. */
    static Map<String, List<Long>> rowsIn(Path archiveFile, String job) {
        Map<String, List<Long>> rows = new LinkedHashMap<>();
        try (Connection archive = BackupFiles.readOnly(archiveFile)) {
            for (MovedTables t : MovedTables.referringToUnits(archive, "main")) {
                rows.put(t.name(), ids(archive, t.rowsOfJob("main"), job));
            }
            rows.put("units", ids(archive, "SELECT id FROM main.units WHERE job_id = ?1 ORDER BY id", job));
        } catch (SQLException e) {
            throw new StorageException("cannot read the archive " + archiveFile + ": " + e.getMessage(), e);
        }
        return rows;
    }

    /**
     * Marks {@code job} archived in {@code archiveName} when its live rows are those the archive holds.
     *
     * @return false when it stays live for now (it holds a table's highest id) or was marked already
     * @throws StorageException when the live rows differ from the archive's (the job stays live)
     */
    boolean mark(String job, String archiveName, Path archiveFile, Map<String, List<Long>> rows) {
        long lastSeq;
        try (Connection archive = BackupFiles.readOnly(archiveFile)) {
            lastSeq = ids(archive, "SELECT coalesce(max(seq), 0) FROM main.units WHERE job_id = ?1", job).get(0);
        } catch (SQLException e) {
            throw new StorageException("cannot read the archive " + archiveFile + ": " + e.getMessage(), e);
        }
        return db.inTransaction(conn -> {
            if (!live(conn, job)) {
                return false;
            }
            long liveUnits = ids(conn, "SELECT count(*) FROM units WHERE job_id = ?1", job).get(0);
            if (liveUnits != rows.get("units").size()) {
                throw new StorageException("job " + job + " has " + liveUnits + " units in the live database, the archive "
                        + archiveFile + " holds " + rows.get("units").size() + "; the job stays live");
            }
            for (Map.Entry<String, List<Long>> e : rows.entrySet()) {
                if (!e.getValue().isEmpty() && holdsHighest(conn, e.getKey(), e.getValue())) {
                    return false;
                }
                if (present(conn, e.getKey(), e.getValue()) != e.getValue().size()) {
                    throw new StorageException("job " + job + ": the archive " + archiveFile + " holds " + e.getValue().size()
                            + " rows of " + e.getKey() + " that the live database does not all hold; the job stays live");
                }
            }
            try (PreparedStatement ps = conn.prepareStatement(
                    "UPDATE jobs SET archived_in = ?, archived_last_seq = ? WHERE id = ?")) {
                ps.setString(1, archiveName);
                ps.setLong(2, lastSeq);
                ps.setString(3, job);
                ps.executeUpdate();
            }
            return true;
        });
    }

    /** Deletes the live copies of an archived job's rows (those still there), in chunks; referring tables first. */
    void purge(Map<String, List<Long>> rows) {
        for (Map.Entry<String, List<Long>> e : rows.entrySet()) {
            List<Long> ids = e.getValue();
            for (int from = 0; from < ids.size(); from += CHUNK) {
                List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
                db.inDeletingTransaction(conn -> {
                    try (PreparedStatement ps = conn.prepareStatement("DELETE FROM " + e.getKey() + " WHERE rowid = ?")) {
                        for (long id : chunk) {
                            ps.setLong(1, id);
                            ps.executeUpdate();
                        }
                    }
                    return null;
                });
            }
        }
    }

    /** Whether an archived job still has live units (its purge did not finish). */
    boolean leftovers(String job) {
        return db.count("SELECT count(*) FROM (SELECT 1 FROM units WHERE job_id = ? LIMIT 1)", job) > 0;
    }

    private static long present(Connection conn, String table, List<Long> ids) throws SQLException {
        long found = 0;
        try (PreparedStatement ps = conn.prepareStatement("SELECT count(*) FROM " + table + " WHERE rowid = ?")) {
            for (long id : ids) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    found += rs.getLong(1);
                }
            }
        }
        return found;
    }

    private static boolean live(Connection conn, String job) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT archived_in IS NULL FROM jobs WHERE id = ?")) {
            ps.setString(1, job);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new StorageException("job " + job + " of an archive is not in the live database");
                }
                return rs.getBoolean(1);
            }
        }
    }

    private static boolean holdsHighest(Connection conn, String table, List<Long> ids) throws SQLException {
        long highest = ids(conn, "SELECT coalesce(max(rowid), 0) FROM " + table, null).get(0);
        return ids.stream().anyMatch(id -> id == highest);
    }

    private static List<Long> ids(Connection conn, String sql, String job) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement ps = conn.prepareStatement(sql)) {
            if (job != null) {
                ps.setString(1, job);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }
}

package io.tracemark.records.archive;

import io.tracemark.core.StorageException;
import io.tracemark.records.backup.BackupFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sqlite.SQLiteConfig;

/**
 * Writes one archive file: the rows of a month's finished jobs copied out of the live database (attached
 * to the archive's own connection and only read, so the line goes on writing), the file checked
 * ({@code integrity_check}), synced, made read-only and renamed from its partial name, then its manifest
 * written, synced and renamed. Nothing in the live database changes here.
 *
 * <p>A job holding the highest row id of a moved table is left out (it stays live until newer rows
 * exist): SQLite gives a new row the highest id plus one, so deleting the highest row would let an id be
 * used twice, and the witness's marks would go back.
 */
final class ArchiveWriter {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final Path liveFile;
    private final ArchiveFolder folder;
    private final ArchiveRun.Steps steps;

    ArchiveWriter(Path liveFile, ArchiveFolder folder, ArchiveRun.Steps steps) {
        this.liveFile = liveFile;
        this.folder = folder;
        this.steps = steps;
    }

    /** Writes the archive of {@code jobs} (ended in {@code month}); empty when every job had to stay live. */
    Optional<ArchiveManifest> write(String month, List<String> jobs, Instant now) {
        String name = "jobs-" + month + "-" + STAMP.format(now);
        Path partial = folder.path().resolve("." + name + ".db.partial");
        Path file = folder.databaseOf(name);
        Path manifestPartial = folder.path().resolve("." + name + ".json.partial");
        try {
            Files.createDirectories(folder.path());
            Files.deleteIfExists(partial);
            List<String> kept;
            Map<String, Long> counts;
            try (Connection conn = open(partial)) {
                kept = copy(conn, jobs);
                if (kept.isEmpty()) {
                    conn.close();
                    Files.deleteIfExists(partial);
                    return Optional.empty();
                }
                counts = counts(conn);
            }
            steps.reached(ArchiveRun.Step.WRITTEN, name);
            verify(partial, counts);
            BackupFiles.sync(partial);
            ArchiveFolder.makeReadOnly(partial);
            Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
            BackupFiles.sync(folder.path());
            steps.reached(ArchiveRun.Step.RENAMED, name);
            ArchiveManifest manifest = new ArchiveManifest(name, month, now, Files.size(file), BackupFiles.sha256(file),
                    kept, counts);
            Files.write(manifestPartial, manifest.toJson());
            BackupFiles.sync(manifestPartial);
            Files.move(manifestPartial, folder.path().resolve(name + ".json"), StandardCopyOption.ATOMIC_MOVE);
            BackupFiles.sync(folder.path());
            steps.reached(ArchiveRun.Step.MANIFEST, name);
            return Optional.of(manifest);
        } catch (IOException | SQLException e) {
            deleteQuietly(partial);
            deleteQuietly(manifestPartial);
            throw new StorageException("writing the archive " + file + " failed: " + e.getMessage(), e);
        }
    }

    private static Connection open(Path partial) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.enforceForeignKeys(false); // the rows name cases, shipments, codes that partly stay live
        config.setJournalMode(SQLiteConfig.JournalMode.OFF); // a partial file is thrown away, never repaired
        config.setSynchronous(SQLiteConfig.SynchronousMode.OFF); // synced once, whole, before it is renamed
        config.setBusyTimeout(10_000);
        return config.createConnection("jdbc:sqlite:" + partial.toAbsolutePath());
    }

    /** Copies the jobs' rows; returns the jobs kept (those holding a table's highest row id left out). */
    private List<String> copy(Connection conn, List<String> jobs) throws SQLException {
        try (PreparedStatement attach = conn.prepareStatement("ATTACH DATABASE ? AS live")) {
            attach.setString(1, liveFile.toAbsolutePath().toString());
            attach.execute();
        }
        createSchema(conn);
        execute(conn, "CREATE TEMP TABLE moving (job_id TEXT PRIMARY KEY)");
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO moving VALUES (?)")) {
            for (String job : jobs) {
                ps.setString(1, job);
                ps.executeUpdate();
            }
        }
        List<MovedTables> moved = MovedTables.referringToUnits(conn, "live");
        execute(conn, "BEGIN"); // one read snapshot of the live database for every table
        execute(conn, "INSERT INTO main.units SELECT * FROM live.units WHERE job_id IN (SELECT job_id FROM moving)");
        for (MovedTables t : moved) {
            String where = t.column() + " IN (SELECT id FROM main.units)";
            if (t.name().equals("transitions")) {
                where = "job_id IN (SELECT job_id FROM moving) OR " + where;
            }
            execute(conn, "INSERT INTO main." + t.name() + " SELECT * FROM live." + t.name() + " WHERE " + where);
        }
        Set<String> held = holdersOfHighestIds(conn, moved);
        for (String job : held) {
            dropJob(conn, moved, job);
        }
        copyContext(conn);
        execute(conn, "COMMIT");
        execute(conn, "DETACH DATABASE live");
        for (MovedTables t : moved) {
            execute(conn, "CREATE INDEX IF NOT EXISTS archive_" + t.name() + "_by_" + t.column() + " ON " + t.name()
                    + "(" + t.column() + ")");
        }
        execute(conn, "CREATE INDEX IF NOT EXISTS archive_transitions_by_job ON transitions(job_id)");
        List<String> kept = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM jobs ORDER BY rowid")) {
            while (rs.next()) {
                kept.add(rs.getString(1));
            }
        }
        return kept;
    }

    /** The live schema's tables and indexes, created empty in the archive (triggers left out). */
    private static void createSchema(Connection conn) throws SQLException {
        List<String> ddl = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery("SELECT sql FROM live.sqlite_master "
                + "WHERE sql IS NOT NULL AND type IN ('table', 'index') AND name NOT LIKE 'sqlite_%' "
                + "ORDER BY type = 'index', rowid")) {
            while (rs.next()) {
                ddl.add(rs.getString(1));
            }
        }
        for (String sql : ddl) {
            execute(conn, sql);
        }
    }

    /** The jobs whose rows include a moved table's highest live row id. */
    private static Set<String> holdersOfHighestIds(Connection conn, List<MovedTables> moved) throws SQLException {
        Set<String> held = new LinkedHashSet<>();
        held.addAll(strings(conn, "SELECT job_id FROM main.units WHERE id = (SELECT max(id) FROM live.units)"));
        for (MovedTables t : moved) {
            String job = t.name().equals("transitions")
                    ? "coalesce(r.job_id, (SELECT u.job_id FROM main.units u WHERE u.id = r." + t.column() + "))"
                    : "(SELECT u.job_id FROM main.units u WHERE u.id = r." + t.column() + ")";
            held.addAll(strings(conn, "SELECT " + job + " FROM main." + t.name() + " r WHERE r.rowid = (SELECT max(rowid) FROM live."
                    + t.name() + ")"));
        }
        held.remove(null);
        return held;
    }

    private static void dropJob(Connection conn, List<MovedTables> moved, String job) throws SQLException {
        for (MovedTables t : moved) {
            try (PreparedStatement ps = conn.prepareStatement("DELETE FROM main." + t.name() + " WHERE rowid IN ("
                    + t.rowsOfJob("main") + ")")) {
                ps.setString(1, job);
                ps.executeUpdate();
            }
        }
        try (PreparedStatement ps = conn.prepareStatement("DELETE FROM main.units WHERE job_id = ?")) {
            ps.setString(1, job);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = conn.prepareStatement("DELETE FROM moving WHERE job_id = ?")) {
            ps.setString(1, job);
            ps.executeUpdate();
        }
    }

    /** Rows that stay live, copied so that the archive reads on its own (reports, reconcile, recall). */
    private static void copyContext(Connection conn) throws SQLException {
        Set<String> tables = new LinkedHashSet<>(strings(conn, "SELECT name FROM live.sqlite_master WHERE type = 'table'"));
        String jobs = "(SELECT job_id FROM moving)";
        execute(conn, "INSERT INTO main.schema_version SELECT * FROM live.schema_version");
        execute(conn, "INSERT INTO main.jobs SELECT * FROM live.jobs WHERE id IN " + jobs);
        execute(conn, "INSERT INTO main.job_details SELECT * FROM live.job_details WHERE job_id IN " + jobs);
        execute(conn, "INSERT INTO main.codes SELECT * FROM live.codes WHERE id IN (SELECT code_id FROM main.units "
                + "UNION SELECT code_id FROM main.transitions UNION SELECT shared_code_id FROM main.jobs)");
        execute(conn, "INSERT INTO main.code_packages SELECT * FROM live.code_packages WHERE id IN "
                + "(SELECT package_id FROM main.codes)");
        execute(conn, "INSERT INTO main.producers SELECT * FROM live.producers");
        execute(conn, "INSERT INTO main.products SELECT * FROM live.products");
        if (tables.contains("job_gate_counts")) {
            execute(conn, "INSERT INTO main.job_gate_counts SELECT * FROM live.job_gate_counts WHERE job_id IN " + jobs);
        }
        if (tables.contains("pack_links") && tables.contains("pack_events")) {
            execute(conn, "INSERT INTO main.parents SELECT * FROM live.parents WHERE id IN (SELECT parent_id FROM main.pack_links"
                    + " UNION SELECT parent_id FROM main.pack_events UNION SELECT case_id FROM main.pack_events)");
            execute(conn, "INSERT OR IGNORE INTO main.parents SELECT * FROM live.parents WHERE id IN "
                    + "(SELECT pallet_id FROM main.parents)");
        }
        if (tables.contains("shipped_units") && tables.contains("shipment_items")) {
            execute(conn, "INSERT INTO main.shipments SELECT * FROM live.shipments WHERE id IN "
                    + "(SELECT shipment_id FROM main.shipped_units UNION SELECT shipment_id FROM main.shipment_items)");
        }
    }

    private static Map<String, Long> counts(Connection conn) throws SQLException {
        Map<String, Long> counts = new LinkedHashMap<>();
        List<String> tables = new ArrayList<>(List.of("jobs", "units"));
        MovedTables.referringToUnits(conn, "main").forEach(t -> tables.add(t.name()));
        for (String table : tables) {
            counts.put(table, strings(conn, "SELECT count(*) FROM main." + table).stream().mapToLong(Long::parseLong).sum());
        }
        return counts;
    }

    /** The written file read back: sound, and holding the rows counted while it was written. */
    private static void verify(Path partial, Map<String, Long> counts) throws SQLException {
        try (Connection conn = BackupFiles.readOnly(partial)) {
            List<String> problems = strings(conn, "PRAGMA integrity_check");
            if (!problems.equals(List.of("ok"))) {
                throw new StorageException("the archive " + partial + " fails its integrity check: " + problems.get(0));
            }
            Map<String, Long> read = counts(conn);
            if (!read.equals(counts)) {
                throw new StorageException("the archive " + partial + " holds " + read + " rows, " + counts + " were written");
            }
        }
    }

    static List<String> strings(Connection conn, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = conn.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    static void execute(Connection conn, String sql) throws SQLException {
        try (Statement st = conn.createStatement()) {
            st.execute(sql);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a partial the next run removes
        }
    }
}

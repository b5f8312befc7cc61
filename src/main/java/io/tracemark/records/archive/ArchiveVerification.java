package io.tracemark.records.archive;

import io.tracemark.records.backup.BackupFiles;
import io.tracemark.store.Database;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code archive verify}: every registered archive file is there, read-only, matches the SHA-256 the live
 * database and its manifest recorded, passes {@code integrity_check} and holds the units registered.
 */
public final class ArchiveVerification {

    private ArchiveVerification() {
    }

    /**
     * One archive's verdict.
     *
     * @param problems what is wrong, empty when intact (a deleted archive whose file is gone is intact)
     */
    public record Verdict(String name, List<String> problems) {
        public boolean intact() {
            return problems.isEmpty();
        }

        public Map<String, Object> fields() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", name);
            m.put("intact", intact());
            m.put("problems", problems);
            return m;
        }
    }

    /** Verifies every registered archive of {@code db}. */
    public static List<Verdict> verify(Database db) {
        ArchiveFolder folder = new ArchiveFolder(db.file().getParent());
        List<Verdict> out = new ArrayList<>();
        for (Archives.Entry e : Archives.registered(db)) {
            out.add(new Verdict(e.name(), problems(folder, e)));
        }
        return out;
    }

    private static List<String> problems(ArchiveFolder folder, Archives.Entry e) {
        Path file = folder.databaseOf(e.name());
        List<String> problems = new ArrayList<>();
        if (e.deleted()) {
            if (Files.exists(file)) {
                problems.add(file + " was deleted by " + e.deletedBy() + " but is still there (run archive delete again)");
            }
            return problems;
        }
        if (!Files.isRegularFile(file)) {
            problems.add(file + " is missing");
            return problems;
        }
        try {
            if (ArchiveFolder.writableByPermissions(file)) {
                problems.add(file + " is writable (archives are read-only)");
            }
        } catch (java.io.IOException ex) {
            problems.add(file + " cannot be checked: " + ex.getMessage());
        }
        String sha = BackupFiles.sha256(file);
        if (!sha.equals(e.sha256())) {
            problems.add(file + " has SHA-256 " + sha + ", the live database registered " + e.sha256());
        }
        folder.manifest(e.name()).ifPresentOrElse(m -> {
            if (!m.sha256().equals(e.sha256())) {
                problems.add("the manifest of " + e.name() + " names SHA-256 " + m.sha256() + ", the live database " + e.sha256());
            }
        }, () -> problems.add("the manifest " + e.name() + ".json is missing"));
        try (Connection conn = BackupFiles.readOnly(file)) {
            List<String> check = ArchiveWriter.strings(conn, "PRAGMA integrity_check");
            if (!check.equals(List.of("ok"))) {
                problems.add(file + " fails its integrity check: " + check.get(0));
            }
            long units = Long.parseLong(ArchiveWriter.strings(conn, "SELECT count(*) FROM units").get(0));
            if (units != e.units()) {
                problems.add(file + " holds " + units + " units, " + e.units() + " were registered");
            }
        } catch (SQLException | RuntimeException ex) {
            problems.add(file + " cannot be read: " + ex.getMessage());
        }
        return problems;
    }
}

package io.tracemark.records;

import io.tracemark.core.StorageException;
import io.tracemark.store.Database;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a station may start on its database: SQLite's {@code quick_check} finds the file sound,
 * and the ledger holds at least what its witness says was committed. Otherwise nothing may be sent
 * (a code of a lost SENT would be printed again), and the station refuses to start with what was
 * lost and how to go on: restore a backup, or have a person accept the loss (audited).
 */
public final class StartupTrust {

    private static final int PROBLEMS_SHOWN = 5;

    private StartupTrust() {
    }

    /**
     * Opens the station database of {@code dataDir} and {@link #require checks} it. A file so damaged that
     * SQLite cannot even open it (its schema pages garbled) gets the same answer as one quick_check
     * finds damaged, with quick_check run on the bare file: what is wrong and how to restore.
     */
    public static Database open(Path dataDir) {
        Database db;
        try {
            db = Database.open(dataDir);
        } catch (StorageException e) {
            if (!damaged(e)) {
                throw e;
            }
            Path file = dataDir.resolve(Database.FILE_NAME);
            throw new StorageException(file + " is damaged, the station does not start on it (SQLite quick_check: "
                    + shown(bareQuickCheck(file, e)) + "): " + restore(dataDir.toString()), e);
        }
        try {
            require(db);
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static boolean damaged(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage());
            if (m.contains("SQLITE_CORRUPT") || m.contains("SQLITE_NOTADB") || m.contains("malformed")) {
                return true;
            }
        }
        return false;
    }

    /** PRAGMA quick_check on the file without the station's set-up; its error when it cannot run. */
    private static List<String> bareQuickCheck(Path file, StorageException openFailure) {
        List<String> problems = new ArrayList<>();
        try (java.sql.Connection conn = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
             java.sql.Statement st = conn.createStatement();
             java.sql.ResultSet rs = st.executeQuery("PRAGMA quick_check")) {
            while (rs.next()) {
                if (!"ok".equals(rs.getString(1))) {
                    problems.add(rs.getString(1));
                }
            }
        } catch (java.sql.SQLException e) {
            problems.add(e.getMessage());
        }
        if (problems.isEmpty()) {
            problems.add(String.valueOf(openFailure.getMessage()));
        }
        return problems;
    }

    private static String restore(String dir) {
        return "restore the last good backup with `tracemark restore BACKUP --data " + dir
                + "` (`tracemark backup list --data " + dir + "` lists the backups)";
    }

    /**
     * Checks {@code db}.
     *
     * @throws StorageException naming what is wrong, what was lost and the commands to restore or accept
     */
    public static void require(Database db) {
        List<String> damage = db.quickCheck();
        String dir = db.file().getParent().toString();
        String restore = "restore the last good backup with `tracemark restore BACKUP --data " + dir
                + "` (`tracemark backup list --data " + dir + "` lists the backups)";
        if (!damage.isEmpty()) {
            throw new StorageException(db.file() + " is damaged, the station does not start on it (SQLite quick_check: "
                    + shown(damage) + "): " + restore);
        }
        db.refusal().ifPresent(why -> {
            throw new StorageException(why + "; the station does not start, nothing is sent: " + restore
                    + ", or accept the loss with `tracemark accept-loss --data " + dir + " --by USER --reason TEXT`"
                    + " (audited; the codes of lost units must then be treated as printed)");
        });
    }

    private static String shown(List<String> problems) {
        List<String> shown = new ArrayList<>(problems.subList(0, Math.min(PROBLEMS_SHOWN, problems.size())));
        if (problems.size() > PROBLEMS_SHOWN) {
            shown.add("and " + (problems.size() - PROBLEMS_SHOWN) + " more");
        }
        return String.join("; ", shown);
    }
}

package io.tracemark.records;

import io.tracemark.core.StorageException;
import io.tracemark.store.Database;
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

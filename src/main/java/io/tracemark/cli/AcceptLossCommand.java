package io.tracemark.cli;

import io.tracemark.app.PlatformAckCheck;
import io.tracemark.store.AuditLog;

import io.tracemark.core.StorageException;
import io.tracemark.store.Database;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code accept-loss --data DIR --by USER --reason TEXT [--json]}: a person accepts that the station
 * database lost committed transactions (it is behind its witness), so that the station starts on it
 * again. Audited with what was lost. A damaged file (failed quick_check) is not accepted: restore it.
 */
@Command(name = "accept-loss",
        mixinStandardHelpOptions = true,
        description = {"Accept that the station database lost what its witness says was committed, so that the"
                + " station starts on it again (audited, with what was lost).",
            "Prefer `restore BACKUP --data DIR`. A file SQLite's quick_check finds damaged is not accepted.",
            "Exit status: 0 accepted (or nothing to accept), 2 bad usage or a damaged file."})
public final class AcceptLossCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--data", paramLabel = "DIR", defaultValue = "data",
            description = "data directory holding station.db (default: ${DEFAULT-VALUE})")
    Path data;

    @Option(names = "--by", paramLabel = "USER", required = true,
            description = "who accepts: an enabled admin's user id when the station has users")
    String by;

    @Option(names = "--reason", paramLabel = "TEXT", required = true, description = "why the loss is accepted")
    String reason;

    @Option(names = "--platform-acks", description = "also accept that the ledger lacks what the platform has"
            + " acknowledged (its audit anchors taken before now are no longer held against the ledger at start)")
    boolean platformAcks;

    @Option(names = "--json", description = "print one JSON document: what was accepted as lost")
    boolean json;

    @Override
    public Integer call() {
        if (reason.isBlank()) {
            throw new IllegalArgumentException("--reason must not be blank");
        }
        List<String> accepted;
        try (Database db = DataDirectory.openExisting(data)) {
            List<String> damage = db.quickCheck();
            if (!damage.isEmpty()) {
                throw new StorageException(db.file() + " is damaged (SQLite quick_check: " + damage.get(0)
                        + "); a damaged file is not accepted: restore a backup with `tracemark restore BACKUP --data "
                        + data + "`");
            }
            requireAdmin(db);
            accepted = new java.util.ArrayList<>(db.acceptLoss(by, reason));
            if (platformAcks) {
                AuditLog audit = new AuditLog(db);
                db.inTransaction(c -> audit.record(c, by, PlatformAckCheck.ACCEPTED, "reason: " + reason
                        + "; the platform's acknowledgements (audit anchors) before now are accepted as lost"));
                accepted.add("what the platform acknowledged beyond the ledger (audit anchors before now)");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("accepted", !accepted.isEmpty());
            doc.put("lost", accepted);
            doc.put("by", by);
            JsonOutput.print(out, doc);
        } else {
            out.println(accepted.isEmpty() ? "nothing to accept: the ledger holds what its witness says"
                    : "accepted as lost (audited):\n  " + String.join("\n  ", accepted));
            out.flush();
        }
        return 0;
    }

    private void requireAdmin(Database db) {
        if (db.count("SELECT count(*) FROM users") == 0) {
            return; // a station without users (codes imported by hand): the name is recorded as given
        }
        if (db.count("SELECT count(*) FROM users WHERE id = ? AND role = 'ADMIN' AND enabled = 1", by) == 0) {
            throw new IllegalArgumentException("--by " + by + " is not an enabled admin of this station");
        }
    }
}

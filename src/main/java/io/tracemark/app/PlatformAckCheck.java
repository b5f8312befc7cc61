package io.tracemark.app;

import io.tracemark.core.StorageException;
import io.tracemark.platform.PlatformClient;
import io.tracemark.platform.wire.ChainAnchor;
import io.tracemark.store.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At start, the ledger compared with what the platform has acknowledged: the heads of the station's audit
 * chain it received through the outbox ({@code GET /audit-anchors?station=}). A ledger whose trail ends
 * before the newest anchor, or holds another hash there, lost committed transactions even if its witness
 * (copied back with it, or deleted) says nothing: the station refuses to start, as for a ledger behind its
 * witness, until a person restores a backup or accepts the loss ({@code accept-loss --platform-acks},
 * audited; anchors taken before that acceptance, or before a {@code restore}, are no longer held against the
 * ledger). A platform that
 * does not answer leaves the witness as the only check (the line runs offline).
 */
public final class PlatformAckCheck {

    /** The audit action that accepts a ledger behind the platform's acknowledgements. */
    public static final String ACCEPTED = "ledger.platform-acks-accepted";

    private static final Logger LOG = LoggerFactory.getLogger(PlatformAckCheck.class);

    private PlatformAckCheck() {
    }

    /**
     * Checks {@code db} against the anchors the platform holds from {@code station}.
     *
     * @throws StorageException saying what the platform holds, where the ledger ends, and how to go on
     */
    public static void require(Database db, PlatformClient platform, String station) {
        List<ChainAnchor> anchors;
        try {
            anchors = platform.auditAnchors(station);
        } catch (RuntimeException unreachable) {
            LOG.warn("station {}: the platform's acknowledgements could not be read ({}); the ledger is compared with"
                    + " its witness only", station, unreachable.getMessage());
            return;
        }
        Instant accepted = lastAcceptance(db).orElse(Instant.EPOCH);
        Optional<ChainAnchor> newest = anchors.stream().filter(a -> a.at() == null || a.at().isAfter(accepted))
                .max(Comparator.comparingLong(ChainAnchor::entryId));
        if (newest.isEmpty()) {
            return;
        }
        ChainAnchor anchor = newest.get();
        long end = db.count("SELECT coalesce(max(id), 0) FROM audit_log");
        String dir = db.file().getParent().toString();
        String howOn = "; the station does not start, nothing is sent: restore the last good backup with `tracemark restore "
                + "BACKUP --data " + dir + "`, or accept the loss with `tracemark accept-loss --data " + dir
                + " --by USER --reason TEXT --platform-acks` (audited)";
        if (end < anchor.entryId()) {
            throw new StorageException(db.file() + " is behind what the platform has acknowledged: the platform holds the"
                    + " head of this station's audit trail at entry " + anchor.entryId() + " (taken " + anchor.at()
                    + "), the ledger's trail ends at entry " + end + " (" + (anchor.entryId() - end)
                    + " entries and the ledger writes with them are missing)" + howOn);
        }
        String hash = hashOf(db, anchor.entryId());
        if (!anchor.hash().equals(hash)) {
            throw new StorageException(db.file() + " does not hold what the platform has acknowledged: audit entry "
                    + anchor.entryId() + " has another hash than the platform's anchor (taken " + anchor.at()
                    + "): the trail was rebuilt or replaced" + howOn);
        }
    }

    private static Optional<Instant> lastAcceptance(Database db) {
        // a restore is a person's decision to go back to a backup too (its lost codes are quarantined)
        long at = db.count("SELECT coalesce(max(at), 0) FROM audit_log WHERE action IN (?, 'backup.restore')", ACCEPTED);
        return at == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(at));
    }

    private static String hashOf(Database db, long entry) {
        return db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement("SELECT hash FROM audit_log WHERE id = ?")) {
                ps.setLong(1, entry);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : "";
                }
            }
        });
    }
}

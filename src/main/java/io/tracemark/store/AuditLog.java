package io.tracemark.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The audit log: who did what, when. Tamper-evident: each entry stores its hash, an HMAC-SHA256 under
 * the station's {@link AuditKey} (a file outside the database) over its fields and the previous
 * entry's hash ({@link AuditMac}; 64 zeros before the first entry). Editing, inserting or deleting an
 * entry breaks the chain from there on, a chain rebuilt without the key does not verify, and
 * {@link AuditChain#verify} names the first broken entry.
 *
 * <p>A valid shorter chain (the tail cut off) or one rebuilt with the key is told from the real one by
 * anchors: every {@value #ANCHOR_EVERY_ENTRIES} entries, and at the first entry after
 * {@link #ANCHOR_EVERY} without one, the chain head goes into {@code audit_anchors} and, in the same
 * transaction, into the outbox (topic {@value #ANCHOR_TOPIC}) for the platform, which keeps it.
 */
public final class AuditLog {

    /** The previous hash of the very first row. */
    public static final String GENESIS = "0".repeat(64);
    /** The outbox topic of anchors. */
    public static final String ANCHOR_TOPIC = "audit.anchor";
    static final int ANCHOR_EVERY_ENTRIES = 16;
    static final Duration ANCHOR_EVERY = Duration.ofMinutes(5);

    private final Database db;
    private final Clock clock;
    private final Outbox outbox;

    public AuditLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
        this.outbox = new Outbox(db, clock);
    }

    public AuditLog(Database db) {
        this(db, Clock.systemUTC());
    }

    /**
     * Appends one entry in the caller's transaction (so it is kept exactly when the change it
     * describes is kept).
     *
     * @param conn   the writer connection, inside a transaction
     * @param actor  who did it (operator name, {@code system}, a command)
     * @param action what kind of thing was done, e.g. {@code codes.import}
     * @param detail the specifics, e.g. the file, the counts
     * @return the id of the new row
     */
    public long record(Connection conn, String actor, String action, String detail) throws SQLException {
        AuditKey key = db.auditKey();
        String prev = GENESIS;
        long id = 1;
        try (PreparedStatement ps = conn.prepareStatement("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                id = rs.getLong(1) + 1;
                prev = rs.getString(2);
            }
        }
        long at = clock.millis();
        String hash = new AuditMac(key).hash(id, at, actor, action, detail, prev);
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO audit_log "
                + "(id, at, actor, action, detail, prev_hash, hash, scheme, key_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setLong(2, at);
            ps.setString(3, actor);
            ps.setString(4, action);
            ps.setString(5, detail);
            ps.setString(6, prev);
            ps.setString(7, hash);
            ps.setString(8, AuditMac.SCHEME);
            ps.setString(9, key.id());
            ps.executeUpdate();
        }
        if (anchorDue(conn, id, at)) {
            anchor(conn, new AuditAnchor(id, hash, Instant.ofEpochMilli(at), key.id()));
        }
        return id;
    }

    /**
     * Anchors the current chain head now (e.g. at a batch end or before a backup), in the caller's
     * transaction; nothing when the trail is empty or its head is anchored already.
     *
     * @return the anchor, or null
     */
    public AuditAnchor anchorHead(Connection conn) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT id, hash, key_id FROM audit_log "
                + "WHERE id > coalesce((SELECT max(entry_id) FROM audit_anchors), 0) ORDER BY id DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return null;
            }
            AuditAnchor a = new AuditAnchor(rs.getLong(1), rs.getString(2), clock.instant(), rs.getString(3));
            anchor(conn, a);
            return a;
        }
    }

    private boolean anchorDue(Connection conn, long id, long at) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT entry_id, at FROM audit_anchors ORDER BY entry_id DESC LIMIT 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return true;
            }
            return id - rs.getLong(1) >= ANCHOR_EVERY_ENTRIES || at - rs.getLong(2) >= ANCHOR_EVERY.toMillis();
        }
    }

    private void anchor(Connection conn, AuditAnchor a) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement(
                "INSERT OR REPLACE INTO audit_anchors (entry_id, hash, at) VALUES (?, ?, ?)")) {
            ps.setLong(1, a.entryId());
            ps.setString(2, a.hash());
            ps.setLong(3, a.at().toEpochMilli());
            ps.executeUpdate();
        }
        String keyId = a.keyId() == null ? "unkeyed" : a.keyId();
        outbox.append(conn, ANCHOR_TOPIC, "audit-anchor/" + keyId + "/" + a.entryId(),
                "{\"entryId\":" + a.entryId() + ",\"hash\":\"" + a.hash() + "\",\"keyId\":\"" + keyId
                        + "\",\"at\":\"" + a.at() + "\"}");
    }

    /** Walks the whole chain and reports the first entry whose links or hash do not match. */
    public ChainCheck verify() {
        return new AuditChain(db).verify(Instant.EPOCH, java.util.List.of());
    }
}

package io.tracemark.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * Checks the audit chain: every entry's hash under the station key (or, up to the key's
 * {@link AuditKey#lastLegacyId}, the unkeyed hash of entries written before it), every link to the
 * entry before, no gap in the ids, and every anchor (the station's own and those given by the caller,
 * e.g. the platform's copies): the trail must still hold each anchored entry with its anchored hash.
 */
public final class AuditChain {

    private final Database db;

    public AuditChain(Database db) {
        this.db = db;
    }

    /** The anchors this station took ({@code audit_anchors}), oldest first. */
    public List<AuditAnchor> localAnchors() {
        return db.read(conn -> {
            List<AuditAnchor> anchors = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT a.entry_id, a.hash, a.at, l.key_id FROM audit_anchors a "
                    + "LEFT JOIN audit_log l ON l.id = a.entry_id ORDER BY a.entry_id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    anchors.add(new AuditAnchor(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                            rs.getString(4)));
                }
            }
            return anchors;
        });
    }

    /**
     * Verifies the entries written at or after {@code from} (and the link of the first of them to the
     * entry before), against the station's anchors and {@code external} ones.
     *
     * @param from     the time of the first entry to check ({@link Instant#EPOCH}: all)
     * @param external anchors kept outside the station, e.g. by the platform; an anchor of another key
     *                 means the trail was started anew and is reported as broken at entry 1
     */
    public ChainCheck verify(Instant from, List<AuditAnchor> external) {
        AuditKey key = db.auditKey();
        AuditMac mac = new AuditMac(key);
        Map<Long, AuditAnchor> anchors = new TreeMap<>();
        for (AuditAnchor a : localAnchors()) {
            anchors.put(a.entryId(), a);
        }
        for (AuditAnchor a : external) {
            if (a.keyId() != null && !a.keyId().equals(key.id()) && !a.keyId().equals("unkeyed")) {
                return ChainCheck.broken(0, 1, "an anchor of entry " + a.entryId() + " taken " + a.at()
                        + " was signed with key " + a.keyId() + ", this trail with key " + key.id()
                        + ": the trail was rebuilt, or the station's key and database replaced");
            }
            anchors.merge(a.entryId(), a, (local, remote) -> remote.hash().equals(local.hash()) ? local : remote);
        }
        return db.read(conn -> walk(conn, from, key, mac, anchors));
    }

    private static ChainCheck walk(Connection conn, Instant from, AuditKey key, AuditMac mac,
                                   Map<Long, AuditAnchor> anchors) throws SQLException {
        long startId = firstIdAtOrAfter(conn, from.toEpochMilli());
        String expectedPrev = AuditLog.GENESIS;
        if (startId > 1) {
            expectedPrev = hashOf(conn, startId - 1);
            if (expectedPrev == null && startId > maxId(conn)) {
                expectedPrev = AuditLog.GENESIS; // an empty trail
            } else if (expectedPrev == null) {
                return ChainCheck.broken(0, startId, "entry " + (startId - 1) + ", the one before, is missing");
            }
        }
        long expectedId = startId;
        long checked = 0;
        long unkeyed = 0;
        long anchorsChecked = 0;
        String headHash = "";
        try (PreparedStatement ps = conn.prepareStatement("SELECT id, at, actor, action, detail, prev_hash, hash, "
                + "scheme, key_id FROM audit_log WHERE id >= ? ORDER BY id")) {
            ps.setLong(1, startId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    String prev = rs.getString(6);
                    String stored = rs.getString(7);
                    String scheme = rs.getString(8);
                    String why = null;
                    if (id != expectedId) {
                        why = expectedId == id - 1 ? "entry " + expectedId + " is missing"
                                : "entries " + expectedId + " to " + (id - 1) + " are missing";
                    } else if (!prev.equals(expectedPrev)) {
                        why = "prev_hash does not match the hash of the entry before";
                    } else if (Database.LEGACY_AUDIT_SCHEME.equals(scheme)) {
                        if (id > key.lastLegacyId()) {
                            why = "an unkeyed entry after the station key was created (at entry " + key.lastLegacyId()
                                    + "): the chain was rewritten without the key";
                        } else if (!AuditMac.legacyHash(prev, id, rs.getLong(2), rs.getString(3), rs.getString(4),
                                rs.getString(5)).equals(stored)) {
                            why = "hash does not match the entry's content";
                        }
                        unkeyed++;
                    } else if (!AuditMac.SCHEME.equals(scheme)) {
                        why = "unknown hash scheme '" + scheme + "'";
                    } else if (!key.id().equals(rs.getString(9))) {
                        why = "signed with key " + rs.getString(9) + ", not the station's key " + key.id();
                    } else if (!mac.hash(id, rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5), prev)
                            .equals(stored)) {
                        why = "hash does not match the entry's content under the station key " + key.id();
                    }
                    AuditAnchor anchor = anchors.get(id);
                    if (why == null && anchor != null) {
                        anchorsChecked++;
                        if (!anchor.hash().equals(stored)) {
                            why = "the entry differs from its anchor taken " + anchor.at() + ": the chain was rebuilt";
                        }
                    }
                    if (why != null) {
                        return ChainCheck.broken(checked, id, why);
                    }
                    expectedPrev = stored;
                    expectedId = id + 1;
                    headHash = stored;
                    checked++;
                }
            }
        }
        long headId = expectedId - 1;
        for (AuditAnchor a : anchors.values()) {
            if (a.entryId() > headId) {
                return new ChainCheck(checked, OptionalLong.of(headId + 1), "the trail ends at entry " + headId
                        + " but entry " + a.entryId() + " was anchored " + a.at() + ": its tail was cut off",
                        unkeyed, anchorsChecked, headId, headHash);
            }
        }
        return new ChainCheck(checked, OptionalLong.empty(), "", unkeyed, anchorsChecked, headId, headHash);
    }

    private static long firstIdAtOrAfter(Connection conn, long fromMillis) throws SQLException {
        if (fromMillis <= 0) {
            return 1;
        }
        // nothing written since: start after the last entry (the anchors are still compared with it)
        try (PreparedStatement ps = conn.prepareStatement("SELECT coalesce((SELECT min(id) FROM audit_log WHERE at >= ?), "
                + "(SELECT coalesce(max(id), 0) + 1 FROM audit_log))")) {
            ps.setLong(1, fromMillis);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long maxId(Connection conn) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT coalesce(max(id), 0) FROM audit_log");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String hashOf(Connection conn, long id) throws SQLException {
        try (PreparedStatement ps = conn.prepareStatement("SELECT hash FROM audit_log WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}

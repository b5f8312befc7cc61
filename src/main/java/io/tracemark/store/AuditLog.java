package io.tracemark.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HexFormat;

/**
 * The audit log: who did what, when. Tamper-evident: each row stores
 * {@code hash = sha256(prev_hash | id | at | actor | action | detail)} with the previous row's hash
 * (64 zeros for the first row), so editing, inserting or deleting a row breaks the chain from there
 * on, and {@link #verify()} names the first broken row.
 */
public final class AuditLog {

    /** The previous hash of the very first row. */
    public static final String GENESIS = "0".repeat(64);

    private final Database db;
    private final Clock clock;

    public AuditLog(Database db, Clock clock) {
        this.db = db;
        this.clock = clock;
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
        String prev = GENESIS;
        long id = 1;
        try (Statement st = conn.createStatement();
             ResultSet rs = st.executeQuery("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")) {
            if (rs.next()) {
                id = rs.getLong(1) + 1;
                prev = rs.getString(2);
            }
        }
        long at = clock.millis();
        try (PreparedStatement ps = conn.prepareStatement("INSERT INTO audit_log "
                + "(id, at, actor, action, detail, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, id);
            ps.setLong(2, at);
            ps.setString(3, actor);
            ps.setString(4, action);
            ps.setString(5, detail);
            ps.setString(6, prev);
            ps.setString(7, hash(prev, id, at, actor, action, detail));
            ps.executeUpdate();
        }
        return id;
    }

    /** Walks the whole chain and reports the first row whose links or hash do not match. */
    public ChainCheck verify() {
        return db.read(conn -> {
            String expectedPrev = GENESIS;
            long checked = 0;
            try (Statement st = conn.createStatement();
                 ResultSet rs = st.executeQuery(
                         "SELECT id, at, actor, action, detail, prev_hash, hash FROM audit_log ORDER BY id")) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    String prev = rs.getString(6);
                    String stored = rs.getString(7);
                    if (!prev.equals(expectedPrev)) {
                        return ChainCheck.broken(checked, id, "prev_hash does not match the hash of the row before");
                    }
                    String computed = hash(prev, id, rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5));
                    if (!computed.equals(stored)) {
                        return ChainCheck.broken(checked, id, "hash does not match the row's content");
                    }
                    expectedPrev = stored;
                    checked++;
                }
            }
            return ChainCheck.intact(checked);
        });
    }

    static String hash(String prev, long id, long at, String actor, String action, String detail) {
        String content = prev + '|' + id + '|' + at + '|' + actor + '|' + action + '|' + detail;
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}

package io.tracemark.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Prepared statements kept open on the writer connection: the ledger runs the same dozen
 * statements millions of times, and parsing them each time would cost more than running them.
 * Used only inside write transactions, i.e. by one thread at a time.
 */
final class StatementCache {

    private Connection owner;
    private final Map<String, PreparedStatement> cache = new HashMap<>();

    synchronized PreparedStatement get(Connection conn, String sql) throws SQLException {
        if (conn != owner) {
            cache.clear(); // statements of a closed connection are closed with it
            owner = conn;
        }
        PreparedStatement ps = cache.get(sql);
        if (ps == null || ps.isClosed()) {
            ps = conn.prepareStatement(sql);
            cache.put(sql, ps);
        }
        ps.clearParameters();
        return ps;
    }

    /** Closes and forgets every statement: after a failed write, none is trusted again. */
    synchronized void reset() {
        for (PreparedStatement ps : cache.values()) {
            try {
                ps.close();
            } catch (SQLException ignored) {
                // a broken statement may not close cleanly; it is dropped either way
            }
        }
        cache.clear();
    }
}

package io.tracemark.platform.reference;

import io.tracemark.core.StorageException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The reference platform's own SQLite database ({@code platform.db} in its data directory), plain
 * JDBC over one connection. Not the station's schema: the platform is another system.
 */
final class PlatformDatabase implements AutoCloseable {

    /** Work done inside one transaction. */
    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static final String[] SCHEMA = {
        "CREATE TABLE IF NOT EXISTS producers(id TEXT PRIMARY KEY, json TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS products(id TEXT PRIMARY KEY, producer_id TEXT NOT NULL, json TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS stations(token TEXT PRIMARY KEY, producer_id TEXT NOT NULL, name TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS code_requests(id TEXT PRIMARY KEY, product_id TEXT NOT NULL, status TEXT NOT NULL,"
                + " json TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS ranges(id TEXT PRIMARY KEY, product_id TEXT NOT NULL, status TEXT NOT NULL,"
                + " json TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS codes(code TEXT PRIMARY KEY, product_id TEXT NOT NULL, range_id TEXT NOT NULL,"
                + " gtin TEXT, serial TEXT, returned INTEGER NOT NULL DEFAULT 0)",
        "CREATE INDEX IF NOT EXISTS codes_gs1 ON codes(gtin, serial)",
        "CREATE TABLE IF NOT EXISTS events(idempotency_key TEXT PRIMARY KEY, code TEXT NOT NULL, product_id TEXT,"
                + " type TEXT NOT NULL, occurred_at TEXT NOT NULL, received_at TEXT NOT NULL, json TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS events_code ON events(code)",
        "CREATE TABLE IF NOT EXISTS daily_quantity_reports(product_id TEXT NOT NULL, day TEXT NOT NULL,"
                + " source TEXT NOT NULL, quantity INTEGER NOT NULL, exact INTEGER NOT NULL, reported_at TEXT NOT NULL,"
                + " PRIMARY KEY(product_id, day, source))",
        "CREATE TABLE IF NOT EXISTS code_returns(idempotency_key TEXT PRIMARY KEY, product_id TEXT NOT NULL,"
                + " returned INTEGER NOT NULL, received_at TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS counters(name TEXT PRIMARY KEY, value INTEGER NOT NULL)",
        "CREATE TABLE IF NOT EXISTS serial_settings(product_id TEXT PRIMARY KEY, json TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS scans(code TEXT PRIMARY KEY, issued INTEGER NOT NULL, count INTEGER NOT NULL,"
                + " first_at TEXT NOT NULL, last_at TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS uscc_confirmations(uscc TEXT PRIMARY KEY, confirmed_by TEXT NOT NULL,"
                + " confirmed_at TEXT NOT NULL)",
        "CREATE TABLE IF NOT EXISTS scan_alerts(code TEXT PRIMARY KEY, seq INTEGER NOT NULL UNIQUE, product_id TEXT,"
                + " producer_id TEXT, reason TEXT NOT NULL, scans INTEGER NOT NULL, first_at TEXT NOT NULL,"
                + " last_at TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS scan_alerts_producer ON scan_alerts(producer_id, seq)",
        "CREATE TABLE IF NOT EXISTS recalls(id TEXT PRIMARY KEY, product_id TEXT NOT NULL, json TEXT NOT NULL)",
        "CREATE INDEX IF NOT EXISTS recalls_product ON recalls(product_id)",
    };

    private final Path file;
    private final Connection connection;

    PlatformDatabase(Path dataDir) {
        this.file = dataDir.resolve("platform.db");
        try {
            Files.createDirectories(dataDir);
            connection = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement st = connection.createStatement()) {
                st.execute("PRAGMA journal_mode=WAL");
                st.execute("PRAGMA synchronous=NORMAL");
                st.execute("PRAGMA busy_timeout=5000");
                for (String ddl : SCHEMA) {
                    st.execute(ddl);
                }
            }
            connection.setAutoCommit(false);
            connection.commit();
        } catch (java.io.IOException | SQLException e) {
            throw new StorageException("reference platform database " + file + ": cannot open: " + e.getMessage(), e);
        }
    }

    /** Runs work in one transaction; commits on success, rolls back on any exception. */
    synchronized <T> T inTransaction(Work<T> work) {
        try {
            T result = work.run(connection);
            connection.commit();
            return result;
        } catch (SQLException e) {
            rollback();
            throw new StorageException("reference platform database " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            rollback();
            throw e;
        }
    }

    /** Next value of a named counter (ids, serials), inside the caller's transaction. */
    static long next(Connection c, String counter, long count) throws SQLException {
        try (var up = c.prepareStatement("INSERT INTO counters(name, value) VALUES(?, ?)"
                + " ON CONFLICT(name) DO UPDATE SET value = value + excluded.value RETURNING value")) {
            up.setString(1, counter);
            up.setLong(2, count);
            try (var rs = up.executeQuery()) {
                rs.next();
                return rs.getLong(1) - count + 1;
            }
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is what matters; the connection is reset on the next commit
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StorageException("reference platform database " + file + ": cannot close", e);
        }
    }
}

package io.tracemark.site;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * Work that one site process at a time may do (pulling ranges from the platform, forwarding the
 * outbox), whatever the number of site processes on the database: a PostgreSQL session advisory
 * lock, taken with {@code pg_try_advisory_lock} on a connection of its own and released when the
 * work ends, or by PostgreSQL when the process holding it dies.
 */
final class Exclusive {

    /** Lock keys (any 64-bit numbers, the same in every site process). */
    static final long CODE_POOL = 0x7472_6163_0001L;
    static final long FORWARDER = 0x7472_6163_0002L;

    private Exclusive() {
    }

    /**
     * Runs {@code work} if no other session holds lock {@code key}.
     *
     * @return what it returned, or {@code absent} when another process holds the lock
     */
    static <T> T runIfFree(SiteDatabase db, long key, T absent, Supplier<T> work) {
        try (Connection c = db.dataSource().getConnection()) {
            if (!call(c, "SELECT pg_try_advisory_lock(?)", key)) {
                return absent;
            }
            try {
                return work.get();
            } finally {
                call(c, "SELECT pg_advisory_unlock(?)", key);
            }
        } catch (SQLException e) {
            throw new io.tracemark.core.StorageException("site database " + db.url() + ": advisory lock " + key
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs {@code work} once lock {@code key} is free, waiting for another process's work to end at most
     * {@code patience}; {@code absent} if it did not end in time.
     */
    static <T> T runWhenFree(SiteDatabase db, long key, java.time.Duration patience, T absent, Supplier<T> work) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (true) {
            Object[] result = new Object[1];
            boolean ran = runIfFree(db, key, false, () -> {
                result[0] = work.get();
                return true;
            });
            if (ran) {
                @SuppressWarnings("unchecked")
                T t = (T) result[0];
                return t;
            }
            if (System.nanoTime() > deadline) {
                return absent;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return absent;
            }
        }
    }

    private static boolean call(Connection c, String sql, long key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }
}

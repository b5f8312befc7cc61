package io.tracemark.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A read done on a read-only connection; it sees a consistent snapshot of committed data.
 *
 * @param <T> what the read returns
 */
@FunctionalInterface
public interface ReadWork<T> {

    /**
     * Runs the read.
     *
     * @param conn a read-only connection, used by this work alone until it returns
     * @return the result
     * @throws SQLException any database error
     */
    T run(Connection conn) throws SQLException;
}

package io.tracemark.store;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Work done inside one transaction on the writer connection. It must not commit, roll back or
 * change the auto-commit mode; throwing rolls the whole transaction back.
 *
 * @param <T> what the work returns
 */
@FunctionalInterface
public interface TxWork<T> {

    /**
     * Runs the work.
     *
     * @param conn the writer connection, inside an open transaction
     * @return the result handed back to the caller after the commit
     * @throws SQLException any database error; the transaction is then rolled back
     */
    T run(Connection conn) throws SQLException;
}

package io.tracemark.store;

/**
 * Something that runs write transactions durably: {@link Database} directly (one commit per call)
 * or {@link GroupCommit} (many callers' work committed together).
 */
public interface Transactions {

    /**
     * Runs the work in a write transaction and returns only after it is committed durably.
     * When the work throws, nothing it wrote is kept and the exception reaches the caller
     * (a {@link java.sql.SQLException} wrapped in {@link io.tracemark.core.StorageException}).
     * The work may be run more than once before it is committed (group commit retries a group in
     * which another caller's work failed), so it must have no effect outside the connection.
     *
     * @param work what to write
     * @param <T>  the result type
     * @return the work's result, after the commit
     */
    <T> T inTransaction(TxWork<T> work);
}

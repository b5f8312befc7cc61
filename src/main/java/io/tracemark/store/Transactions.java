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

    /**
     * Runs the work durably without making the caller wait: the future completes after the commit
     * (or with the work's exception). Nobody waits for it, so a group commit may hold it back a
     * little, until a caller who waits arrives or {@link GroupCommit#GATHER} passes, and commit it
     * with theirs: one fsync for both. Work submitted later by the same thread commits after it.
     * This default runs it at once, like {@link #inTransaction}.
     */
    default <T> java.util.concurrent.CompletableFuture<T> later(TxWork<T> work) {
        try {
            return java.util.concurrent.CompletableFuture.completedFuture(inTransaction(work));
        } catch (RuntimeException e) {
            return java.util.concurrent.CompletableFuture.failedFuture(e);
        }
    }
}

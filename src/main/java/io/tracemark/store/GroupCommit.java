package io.tracemark.store;

import io.tracemark.core.StorageException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: one writer thread drains the queue of pending work, runs the pieces inside one
 * transaction, commits once (one fsync for the whole group), and only then completes each
 * caller's future. A piece that fails is rolled back alone: its caller gets the exception, the
 * others are committed. Because a group with a failing piece is run a second time, work given
 * here may run more than once and must have no effect outside the connection.
 *
 * <p>No caller is ever lost: {@link #close()} commits or fails every piece queued before it, and a
 * piece submitted after it fails at once. An {@link Error} in a piece ends the writer loudly: that
 * group and everything queued fail, and so does every later submission.
 *
 * <p>{@link #inTransaction} blocks until the caller's work is durable, exactly like
 * {@link Database#inTransaction}, but many concurrent callers share one commit. Work given with
 * {@link #later} has no caller waiting: a group made only of such work waits up to {@link #GATHER}
 * for more before it commits, and commits at once when work arrives whose caller waits, so that
 * both share one fsync (a commit costs about the same CPU for one piece as for twenty).
 */
public final class GroupCommit implements Transactions, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(GroupCommit.class);
    private static final int MAX_GROUP = 2_000;
    /**
     * Longest a group made only of {@link #later} work waits for more before it commits: longer than
     * the feeder's gap between two SENT commits at full speed (about 40 ms at 100 labels/s), so that
     * on a running line a VERIFIED rides on the next SENT's commit instead of paying an fsync of its
     * own (at 25 ms it did not: 0.56 commits per unit against 0.31 at 60 ms, `bench line --reads
     * direct`). Only work nobody waits for is held: a REJECTED, a SENT and every caller of
     * {@link #inTransaction} commit at once.
     */
    public static final java.time.Duration GATHER = java.time.Duration.ofMillis(60);

    private final Database db;
    private final long gatherNanos;
    private final BlockingQueue<Pending<?>> queue = new LinkedBlockingQueue<>();
    private final Thread writerThread;
    private final AtomicLong commits = new AtomicLong();
    private final AtomicLong pieces = new AtomicLong();
    private volatile boolean running = true;
    /** Whether the writer is letting a group of work nobody waits for gather (see {@link #gather}). */
    private volatile boolean gathering;
    private final Object arrivals = new Object();
    /** Set (under {@link #arrivals}) when work whose caller waits arrived while gathering. */
    private boolean waiterArrived;
    /** The {@link Error} that ended the writer, if one did: every later submission fails with it. */
    private volatile Error brokenBy;

    public GroupCommit(Database db) {
        this(db, GATHER);
    }

    /** With another gathering time than {@link #GATHER} (tests). */
    GroupCommit(Database db, java.time.Duration gather) {
        this.db = db;
        this.gatherNanos = gather.toNanos();
        this.writerThread = new Thread(this::drain, "group-commit " + db.file().getFileName());
        this.writerThread.setDaemon(true);
        this.writerThread.start();
    }

    /**
     * Queues the work; the future completes after the group holding it is committed, or
     * exceptionally (with the work's own exception, or a {@link StorageException}).
     */
    public <T> CompletableFuture<T> submit(TxWork<T> work) {
        return submit(work, false);
    }

    /** Like {@link #submit}, for work nobody waits for: it may wait up to {@link #GATHER} to share a commit. */
    @Override
    public <T> CompletableFuture<T> later(TxWork<T> work) {
        if (Thread.currentThread() == writerThread || db.inTransactionOnThisThread()) {
            return Transactions.super.later(work); // nested: join the transaction already open
        }
        return submit(work, true);
    }

    private <T> CompletableFuture<T> submit(TxWork<T> work, boolean mayWait) {
        Pending<T> pending = new Pending<>(work, new CompletableFuture<>(), mayWait, System.nanoTime());
        synchronized (this) {
            // under the same monitor as close() and a failure: nothing is queued after the final drain
            if (running) {
                queue.add(pending);
                if (!mayWait && gathering) {
                    synchronized (arrivals) {
                        waiterArrived = true;
                        arrivals.notifyAll();
                    }
                }
                return pending.future;
            }
        }
        pending.future.completeExceptionally(stopped());
        return pending.future;
    }

    @Override
    public <T> T inTransaction(TxWork<T> work) {
        if (Thread.currentThread() == writerThread || db.inTransactionOnThisThread()) {
            return db.inTransaction(work); // nested: join the transaction already open
        }
        try {
            return submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StorageException("interrupted while waiting for commit to " + db.file(), e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new StorageException("write to " + db.file() + " failed: " + e.getCause().getMessage(), e.getCause());
        }
    }

    /** How many commits were made and how many pieces of work they held (their ratio is the group size). */
    public Stats stats() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.isThreadCpuTimeSupported() ? threads.getThreadCpuTime(writerThread.getId()) : -1;
        return new Stats(commits.get(), pieces.get(), Math.max(-1, cpu), db.commitNanos());
    }

    /**
     * Counters since start.
     *
     * @param commits        transactions committed
     * @param pieces         callers' pieces of work committed (failed pieces included)
     * @param writerCpuNanos CPU time of the writer thread (running the work and committing; not
     *                       waiting for the disk), -1 when the JVM cannot tell
     * @param commitNanos    wall time spent in COMMIT on the database (writing and syncing the log),
     *                       by this writer and any other caller of the database
     */
    public record Stats(long commits, long pieces, long writerCpuNanos, long commitNanos) {
    }

    /** Stops taking work, commits what is queued, and stops the writer thread; fails what is left then. */
    @Override
    public void close() {
        synchronized (this) {
            running = false;
        }
        writerThread.interrupt();
        try {
            writerThread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        failAll(drainAll(), stopped());
    }

    private StorageException stopped() {
        Error error = brokenBy;
        return error == null ? new StorageException("group commit on " + db.file() + " is closed")
                : new StorageException("writes to " + db.file() + " failed for good (" + error
                + "); restart the station", error);
    }

    /** An {@link Error} in the writer: no more writes are taken, everything pending fails loudly. */
    private void broken(Error error, List<Pending<?>> group) {
        synchronized (this) {
            brokenBy = error;
            running = false;
        }
        LOG.error("group commit on {} failed for good; every pending and later write fails", db.file(), error);
        List<Pending<?>> all = new ArrayList<>(group);
        all.addAll(drainAll());
        failAll(all, stopped());
    }

    private void drain() {
        while (running || !queue.isEmpty()) {
            List<Pending<?>> group = new ArrayList<>();
            try {
                Pending<?> first = running ? queue.take() : queue.poll();
                if (first == null) {
                    return;
                }
                group.add(first);
            } catch (InterruptedException e) {
                continue; // close() asked to stop; commit what is left first
            }
            queue.drainTo(group, MAX_GROUP - 1);
            gather(group);
            try {
                commit(group);
            } catch (Error e) {
                broken(e, group);
                return;
            }
        }
    }

    /**
     * While nobody waits for any piece of the group, lets more work queue up for at most
     * {@link #GATHER} after the oldest piece was queued; stops as soon as work arrives whose caller
     * waits, or when closing. Work nobody waits for does not wake the writer.
     */
    private void gather(List<Pending<?>> group) {
        if (group.stream().anyMatch(p -> !p.mayWait())) {
            return;
        }
        long deadline = group.get(0).queuedAt() + gatherNanos;
        gathering = true;
        try {
            while (running && !waiterQueued() && queue.size() + group.size() < MAX_GROUP) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                synchronized (arrivals) {
                    if (!waiterArrived) {
                        arrivals.wait(left / 1_000_000, (int) (left % 1_000_000));
                    }
                    waiterArrived = false;
                }
            }
        } catch (InterruptedException e) {
            // close() asked to stop: commit what is here
        } finally {
            gathering = false;
        }
        queue.drainTo(group, MAX_GROUP - group.size());
    }

    private boolean waiterQueued() {
        for (Pending<?> p : queue) {
            if (!p.mayWait()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Commits a group. The pieces first run back to back without savepoints (the common case:
     * nothing fails); if one throws, the whole transaction is rolled back and the group is run
     * again with each piece in its own savepoint, so only the failing pieces fail.
     */
    private void commit(List<Pending<?>> group) {
        List<Object> results;
        try {
            results = db.inTransaction(conn -> runAll(conn, group));
        } catch (PieceFailed retry) {
            try {
                results = db.inTransaction(conn -> {
                    List<Object> isolated = new ArrayList<>(group.size());
                    for (Pending<?> pending : group) {
                        isolated.add(runInSavepoint(conn, pending));
                    }
                    return isolated;
                });
            } catch (RuntimeException e) {
                failAll(group, e);
                return;
            }
        } catch (RuntimeException e) {
            failAll(group, e);
            return;
        }
        commits.incrementAndGet();
        pieces.addAndGet(group.size());
        for (int i = 0; i < group.size(); i++) {
            group.get(i).complete(results.get(i));
        }
    }

    private static List<Object> runAll(Connection conn, List<Pending<?>> group) {
        List<Object> results = new ArrayList<>(group.size());
        for (Pending<?> pending : group) {
            try {
                results.add(pending.work.run(conn));
            } catch (RuntimeException | SQLException e) {
                throw new PieceFailed();
            }
        }
        return results;
    }

    /** A piece failed in the fast path: roll back and run the group again, isolated. */
    private static final class PieceFailed extends RuntimeException {
        PieceFailed() {
            super(null, null, false, false);
        }
    }

    private Object runInSavepoint(Connection conn, Pending<?> pending) throws SQLException {
        db.prepared(conn, "SAVEPOINT piece").execute();
        try {
            Object result = pending.work.run(conn);
            db.prepared(conn, "RELEASE piece").execute();
            return result;
        } catch (RuntimeException | SQLException e) {
            db.prepared(conn, "ROLLBACK TO piece").execute();
            db.prepared(conn, "RELEASE piece").execute();
            return new Failure(e);
        }
    }

    private List<Pending<?>> drainAll() {
        List<Pending<?>> rest = new ArrayList<>();
        queue.drainTo(rest);
        return rest;
    }

    private static void failAll(List<Pending<?>> group, RuntimeException e) {
        for (Pending<?> pending : group) {
            pending.future.completeExceptionally(e);
        }
    }

    /** A piece of work that threw; its caller gets the exception after the group commits. */
    private record Failure(Exception exception) {
    }

    private record Pending<T>(TxWork<T> work, CompletableFuture<T> future, boolean mayWait, long queuedAt) {

        @SuppressWarnings("unchecked")
        void complete(Object result) {
            if (result instanceof Failure failure) {
                Exception e = failure.exception();
                future.completeExceptionally(e instanceof SQLException
                        ? new StorageException("write failed: " + e.getMessage(), e)
                        : e);
            } else {
                future.complete((T) result);
            }
        }
    }
}

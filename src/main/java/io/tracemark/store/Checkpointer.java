package io.tracemark.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the write-ahead log into the database file on its own thread and connection, so that
 * commits only append to the log and sync it: a checkpoint (writing the pages back and syncing the
 * database file) then no longer runs inside a caller's commit. SQLite lets a PASSIVE checkpoint run
 * while the writer commits; the log is restarted from its beginning by the next commit after a
 * complete checkpoint. The writer's own automatic checkpoint stays on as a bound on the log size
 * should this thread fall behind.
 */
final class Checkpointer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Checkpointer.class);
    /**
     * Checkpoint at most this often while commits come in: a page changed by many commits in the
     * meantime (the last page of a table, an index page) is copied and synced once, not once per
     * commit; the log holds about a second of commits (a few hundred pages at line speed).
     */
    private static final long PERIOD_MS = 1_000;

    private final Connection conn;
    private final Thread thread;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition committed = lock.newCondition();
    private boolean dirty;
    private volatile boolean running = true;

    Checkpointer(Connection conn, String name) {
        this.conn = conn;
        this.thread = new Thread(this::loop, "checkpoint " + name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Tells the thread there is something in the log to copy. */
    void committed() {
        lock.lock();
        try {
            if (!dirty) {
                dirty = true;
                committed.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    private void loop() {
        while (running) {
            try {
                awaitCommit();
                if (!running) {
                    return;
                }
                try (Statement st = conn.createStatement();
                     ResultSet rs = st.executeQuery("PRAGMA wal_checkpoint(PASSIVE)")) {
                    rs.next();
                }
                TimeUnit.MILLISECONDS.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            } catch (SQLException e) {
                // the writer's own automatic checkpoint still bounds the log
                LOG.warn("background checkpoint failed: {}", e.getMessage());
            }
        }
    }

    private void awaitCommit() throws InterruptedException {
        lock.lock();
        try {
            while (!dirty && running) {
                committed.await();
            }
            dirty = false;
        } finally {
            lock.unlock();
        }
    }

    /** Stops the thread (waiting for a checkpoint in progress) and closes its connection. */
    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            conn.close();
        } catch (SQLException ignored) {
            // closing; nothing left to protect
        }
    }
}

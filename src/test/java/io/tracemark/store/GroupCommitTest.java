package io.tracemark.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tracemark.core.StorageException;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {

    @TempDir
    Path dir;

    @Test
    void concurrentCallersAreAllCommittedAndAFailingPieceFailsAlone() throws Exception {
        int threads = 8;
        int perThread = 150;
        try (Database db = Database.open(dir); GroupCommit group = new GroupCommit(db)) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    int failures = 0;
                    for (int i = 0; i < perThread; i++) {
                        String id = "T" + thread + "-" + i;
                        boolean clash = i % 10 == 0;
                        try {
                            group.inTransaction(conn -> {
                                DatabaseTest.insertJob(conn, id);
                                if (clash) {
                                    DatabaseTest.insertJob(conn, id + "-dup");
                                    DatabaseTest.insertJob(conn, id + "-dup"); // UNIQUE violation
                                }
                                return null;
                            });
                            // durable before return: a fresh read connection sees it
                            assertEquals(1, db.count("SELECT count(*) FROM jobs WHERE id = ?", id));
                        } catch (StorageException e) {
                            assertTrue(clash, "only the clashing pieces may fail: " + e.getMessage());
                            failures++;
                        }
                    }
                    return failures;
                }));
            }
            int failures = 0;
            for (Future<Integer> f : results) {
                failures += f.get();
            }
            pool.shutdown();
            int clashes = threads * (perThread / 10);
            assertEquals(clashes, failures);
            assertEquals((long) threads * perThread - clashes, db.count("SELECT count(*) FROM jobs"));
            assertEquals(0, db.count("SELECT count(*) FROM jobs WHERE id LIKE '%-dup'"));
        }
    }

    @Test
    void aRuntimeExceptionReachesItsCallerUnchanged() {
        try (Database db = Database.open(dir); GroupCommit group = new GroupCommit(db)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> group.inTransaction(conn -> {
                        throw new IllegalStateException("refused");
                    }));
            assertEquals("refused", e.getMessage());
            CompletableFuture<Object> future = group.submit(conn -> {
                throw new IllegalArgumentException("bad");
            });
            ExecutionException wrapped = assertThrows(ExecutionException.class, future::get);
            assertInstanceOf(IllegalArgumentException.class, wrapped.getCause());
            assertEquals(7, (int) group.inTransaction(conn -> {
                try (PreparedStatement ps = conn.prepareStatement("SELECT 7")) {
                    var rs = ps.executeQuery();
                    rs.next();
                    return rs.getInt(1);
                }
            }));
        }
    }

    @Test
    void submitsRacingCloseAreAllCommittedOrFailedNeverLost() throws Exception {
        for (int round = 0; round < 20; round++) {
            Path roundDir = dir.resolve("race-" + round);
            java.nio.file.Files.createDirectories(roundDir);
            try (Database db = Database.open(roundDir)) {
                GroupCommit group = new GroupCommit(db);
                ExecutorService pool = Executors.newFixedThreadPool(4);
                java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
                List<Future<List<CompletableFuture<Object>>>> submitters = new ArrayList<>();
                for (int t = 0; t < 4; t++) {
                    int thread = t;
                    submitters.add(pool.submit(() -> {
                        List<CompletableFuture<Object>> mine = new ArrayList<>();
                        go.await();
                        for (int i = 0; i < 200; i++) {
                            String id = "R" + thread + "-" + i;
                            mine.add(group.submit(conn -> {
                                DatabaseTest.insertJob(conn, id);
                                return null;
                            }));
                        }
                        return mine;
                    }));
                }
                go.countDown();
                group.close();
                long committed = 0;
                for (Future<List<CompletableFuture<Object>>> f : submitters) {
                    for (CompletableFuture<Object> piece : f.get(30, java.util.concurrent.TimeUnit.SECONDS)) {
                        try {
                            piece.get(30, java.util.concurrent.TimeUnit.SECONDS); // a lost piece times out here
                            committed++;
                        } catch (ExecutionException e) {
                            assertInstanceOf(StorageException.class, e.getCause());
                            assertTrue(e.getCause().getMessage().contains("closed"), e.getCause().getMessage());
                        }
                    }
                }
                pool.shutdown();
                assertEquals(committed, db.count("SELECT count(*) FROM jobs"), "what was reported committed is stored");
            }
        }
    }

    @Test
    void anErrorInAPieceFailsEveryWriteLoudlyInsteadOfLeavingCallersWaiting() throws Exception {
        try (Database db = Database.open(dir); GroupCommit group = new GroupCommit(db)) {
            group.inTransaction(conn -> {
                DatabaseTest.insertJob(conn, "before");
                return null;
            });
            CompletableFuture<Object> failing = group.submit(conn -> {
                throw new StackOverflowError("simulated");
            });
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> failing.get(30, java.util.concurrent.TimeUnit.SECONDS));
            assertInstanceOf(StorageException.class, e.getCause());
            assertTrue(e.getCause().getMessage().contains("StackOverflowError"), e.getCause().getMessage());
            StorageException later = assertThrows(StorageException.class, () -> group.inTransaction(conn -> {
                DatabaseTest.insertJob(conn, "after");
                return null;
            }));
            assertTrue(later.getMessage().contains("failed for good"), later.getMessage());
            assertEquals(1, db.count("SELECT count(*) FROM jobs"), "the committed write stays, nothing after it");
        }
    }

    @Test
    void workNobodyWaitsForSharesTheCommitOfTheNextCallerWhoWaitsWithoutDelayingIt() throws Exception {
        // a gathering time far beyond the test: only the waiting caller can end it
        try (Database db = Database.open(dir); GroupCommit group = new GroupCommit(db, java.time.Duration.ofMinutes(5))) {
            long commitsBefore = db.commits();
            CompletableFuture<Void> later = group.later(conn -> DatabaseTest.insertJob(conn, "LATER"));
            long t0 = System.nanoTime();
            group.inTransaction(conn -> DatabaseTest.insertJob(conn, "WAITS"));
            long waitedMs = (System.nanoTime() - t0) / 1_000_000;
            later.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(waitedMs < 60_000, "the waiting caller ended the gathering, it did not wait it out: " + waitedMs);
            assertEquals(1, db.commits() - commitsBefore, "one commit for both");
            assertEquals(2, db.count("SELECT count(*) FROM jobs WHERE id IN ('LATER', 'WAITS')"));
        }
    }

    @Test
    void workNobodyWaitsForIsCommittedAloneAfterTheGatheringTimeAndInOrder() throws Exception {
        try (Database db = Database.open(dir); GroupCommit group = new GroupCommit(db)) {
            CompletableFuture<Void> first = group.later(conn -> DatabaseTest.insertJob(conn, "A"));
            CompletableFuture<Void> second = group.later(conn -> {
                // runs after A in the same or a later transaction: A is there
                try (PreparedStatement ps = conn.prepareStatement("SELECT count(*) FROM jobs WHERE id = 'A'");
                     var rs = ps.executeQuery()) {
                    rs.next();
                    assertEquals(1, rs.getInt(1), "submitted later, run later");
                }
                return DatabaseTest.insertJob(conn, "B");
            });
            second.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertTrue(first.isDone() && !first.isCompletedExceptionally());
            assertEquals(2, db.count("SELECT count(*) FROM jobs WHERE id IN ('A', 'B')"), "durable once complete");
        }
    }

    @Test
    void closeCommitsWorkThatIsStillGathering() throws Exception {
        CompletableFuture<Void> later;
        try (Database db = Database.open(dir)) {
            GroupCommit group = new GroupCommit(db, java.time.Duration.ofMinutes(5));
            later = group.later(conn -> DatabaseTest.insertJob(conn, "PENDING"));
            group.close();
            later.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(1, db.count("SELECT count(*) FROM jobs WHERE id = 'PENDING'"), "close drained it");
        }
    }

    @Test
    void aFailingLaterPieceFailsItsOwnFutureOnly() throws Exception {
        try (Database db = Database.open(dir); GroupCommit group = new GroupCommit(db, java.time.Duration.ofMinutes(5))) {
            CompletableFuture<Void> bad = group.later(conn -> {
                DatabaseTest.insertJob(conn, "DUP");
                return DatabaseTest.insertJob(conn, "DUP");
            });
            group.inTransaction(conn -> DatabaseTest.insertJob(conn, "GOOD"));
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> bad.get(60, java.util.concurrent.TimeUnit.SECONDS));
            assertInstanceOf(StorageException.class, e.getCause(), e.toString());
            assertEquals(1, db.count("SELECT count(*) FROM jobs WHERE id = 'GOOD'"));
            assertEquals(0, db.count("SELECT count(*) FROM jobs WHERE id = 'DUP'"), "rolled back alone");
        }
    }
}

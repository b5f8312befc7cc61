package io.tracemark.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

    @TempDir
    Path dir;

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-03-01T08:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void messagesFlowFromAppendToSentWithRetriesAndIdempotentKeys() {
        ManualClock clock = new ManualClock();
        try (Database db = Database.open(dir)) {
            Outbox outbox = new Outbox(db, clock);
            assertEquals(Boolean.TRUE, db.inTransaction(conn -> outbox.append(conn, "unit.verdict", "k1", "{\"n\":1}")));
            assertEquals(Boolean.FALSE, db.inTransaction(conn -> outbox.append(conn, "unit.verdict", "k1", "{\"n\":99}")));
            db.inTransaction(conn -> outbox.append(conn, "job.release", "k2", "{\"n\":2}"));

            clock.now = clock.now.plusSeconds(10);
            assertEquals(new Outbox.Backlog(2, Duration.ofSeconds(10)), outbox.backlog());
            List<Outbox.OutboxMessage> due = outbox.pending(10);
            assertEquals(List.of("k1", "k2"), due.stream().map(Outbox.OutboxMessage::key).toList());
            assertEquals("{\"n\":1}", due.get(0).payload());

            outbox.markSent(due.get(0).id());
            outbox.markFailed(due.get(1).id(), clock.now.plusSeconds(30));
            assertEquals(List.of(), outbox.pending(10));
            assertEquals(1, outbox.backlog().count());

            clock.now = clock.now.plusSeconds(30);
            Outbox.OutboxMessage retry = outbox.pending(10).get(0);
            assertEquals("k2", retry.key());
            assertEquals(1, retry.attempts());
            outbox.markSent(retry.id());
            assertEquals(new Outbox.Backlog(0, Duration.ZERO), outbox.backlog());
        }
    }

    @Test
    void anAppendIsLostWithTheTransactionThatMadeIt() {
        try (Database db = Database.open(dir)) {
            Outbox outbox = new Outbox(db);
            try {
                db.inTransaction(conn -> {
                    outbox.append(conn, "t", "k", "{}");
                    throw new IllegalStateException("ledger change failed");
                });
            } catch (IllegalStateException expected) {
                // nothing may be reported for a change that did not happen
            }
            assertEquals(0, outbox.backlog().count());
        }
    }

    @Test
    void aBatchIsMarkedInOneCommitAndAllOrNone() {
        ManualClock clock = new ManualClock();
        try (Database db = Database.open(dir)) {
            Outbox outbox = new Outbox(db, clock);
            for (int i = 1; i <= 5; i++) {
                String key = "k" + i;
                db.inTransaction(conn -> outbox.append(conn, "unit.verdict", key, "{}"));
            }
            List<Long> ids = outbox.pending(10).stream().map(Outbox.OutboxMessage::id).toList();
            assertEquals(5, ids.size());

            long commits = db.commits();
            outbox.markFailed(ids.subList(0, 3), clock.now.plusSeconds(30));
            assertEquals(commits + 1, db.commits(), "one commit for the batch");
            assertEquals(List.of(ids.get(3), ids.get(4)), outbox.pending(10).stream().map(Outbox.OutboxMessage::id).toList());

            String before = db.read(conn -> rows(conn));
            long missing = ids.get(4) + 1000;
            org.junit.jupiter.api.Assertions.assertThrows(io.tracemark.core.StorageException.class,
                    () -> outbox.markSent(List.of(ids.get(3), missing)));
            assertEquals(before, db.read(conn -> rows(conn)), "a batch naming an unknown message marks nothing");

            clock.now = clock.now.plusSeconds(31);
            commits = db.commits();
            outbox.markSent(ids);
            assertEquals(commits + 1, db.commits());
            assertEquals(List.of(), outbox.pending(10));
            assertEquals(new Outbox.Backlog(0, Duration.ZERO), outbox.backlog());
            assertEquals(5, db.count("SELECT count(*) FROM outbox WHERE sent_at = ?", clock.millis()));
            assertEquals(8, db.count("SELECT sum(attempts) FROM outbox"), "3 failed attempts and 5 sends");
            org.junit.jupiter.api.Assertions.assertThrows(io.tracemark.core.StorageException.class,
                    () -> outbox.markFailed(ids.subList(0, 1), clock.now), "a sent message cannot fail any more");
        }
    }

    @Test
    void throughGroupCommitMarksShareTheNextCommitOfTheLine() throws Exception {
        ManualClock clock = new ManualClock();
        try (Database db = Database.open(dir); GroupCommit group = new GroupCommit(db, Duration.ofMinutes(10))) {
            Outbox outbox = new Outbox(db, group, clock);
            for (int i = 1; i <= 3; i++) {
                String key = "k" + i;
                group.inTransaction(conn -> outbox.append(conn, "unit.verdict", key, "{}"));
            }
            List<Long> ids = outbox.pending(10).stream().map(Outbox.OutboxMessage::id).toList();
            java.util.concurrent.CompletableFuture<Void> marked =
                    java.util.concurrent.CompletableFuture.runAsync(() -> outbox.markSent(ids));
            long commits = db.commits();
            int lineCommits = 0;
            while (!marked.isDone() && lineCommits < 10_000) { // the line's commits, each with a caller waiting
                String job = "J" + lineCommits++;
                group.inTransaction(conn -> DatabaseTest.insertJob(conn, job));
            }
            marked.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(commits + lineCommits, db.commits(), "the mark synced no commit of its own");
            assertEquals(List.of(), outbox.pending(10));
            assertEquals(3, db.count("SELECT count(*) FROM outbox WHERE sent_at IS NOT NULL"));
        }
    }

    private static String rows(java.sql.Connection conn) throws java.sql.SQLException {
        StringBuilder out = new StringBuilder();
        try (var st = conn.createStatement();
             var rs = st.executeQuery("SELECT id, sent_at, attempts, next_attempt_at FROM outbox ORDER BY id")) {
            while (rs.next()) {
                out.append(rs.getLong(1)).append(',').append(rs.getObject(2)).append(',').append(rs.getInt(3))
                        .append(',').append(rs.getLong(4)).append(';');
            }
        }
        return out.toString();
    }
}

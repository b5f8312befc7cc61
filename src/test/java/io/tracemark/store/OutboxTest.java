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
}

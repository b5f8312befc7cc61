package io.tracemark.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The transactional outbox: events for the traceability platform are appended in the same
 * transaction as the ledger change they report, then sent later (at least once) by a sender that
 * reads {@link #pending(int)} and marks each message sent or failed. The idempotency key lets the
 * platform drop repeats.
 */
public final class Outbox {

    private final Database db;
    private final Transactions marks;
    private final Clock clock;

    public Outbox(Database db, Clock clock) {
        this(db, db, clock);
    }

    /**
     * An outbox whose sent and failed marks are written through {@code marks}: with a
     * {@link GroupCommit} they are work nobody waits for ({@link Transactions#later}) and share the
     * next commit of the line instead of syncing one of their own; each call still returns only
     * once its mark is durable.
     */
    public Outbox(Database db, Transactions marks, Clock clock) {
        this.db = db;
        this.marks = marks;
        this.clock = clock;
    }

    public Outbox(Database db) {
        this(db, Clock.systemUTC());
    }

    /**
     * Appends a message in the caller's transaction. Appending a key that is already there does
     * nothing (the first message with a key wins).
     *
     * @param conn        the writer connection, inside the transaction of the change reported
     * @param topic       what kind of event, e.g. {@code unit.verdict}
     * @param key         the idempotency key, unique across the outbox
     * @param payloadJson the event as a JSON document
     * @return whether a new message was added
     */
    public boolean append(Connection conn, String topic, String key, String payloadJson) throws SQLException {
        long now = clock.millis();
        PreparedStatement ps = db.prepared(conn, "INSERT OR IGNORE INTO outbox "
                + "(topic, idempotency_key, payload, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?)");
        ps.setString(1, topic);
        ps.setString(2, key);
        ps.setString(3, payloadJson);
        ps.setLong(4, now);
        ps.setLong(5, now);
        return ps.executeUpdate() == 1;
    }

    /** Unsent messages due now (next attempt time reached), oldest first, at most {@code limit}. */
    public List<OutboxMessage> pending(int limit) {
        long now = clock.millis();
        return db.read(conn -> {
            List<OutboxMessage> messages = new ArrayList<>();
            try (PreparedStatement ps = conn.prepareStatement("SELECT id, topic, idempotency_key, payload, "
                    + "created_at, attempts FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= ? "
                    + "ORDER BY id LIMIT ?")) {
                ps.setLong(1, now);
                ps.setInt(2, limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        messages.add(new OutboxMessage(rs.getLong(1), rs.getString(2), rs.getString(3),
                                rs.getString(4), Instant.ofEpochMilli(rs.getLong(5)), rs.getInt(6)));
                    }
                }
            }
            return messages;
        });
    }

    /** Records that the platform accepted message {@code id}. */
    public void markSent(long id) {
        markSent(List.of(id));
    }

    /**
     * Records that the platform accepted every message of {@code ids}: one statement and one commit
     * for the batch. All or none: an id that does not exist fails the whole call, nothing marked.
     */
    public void markSent(List<Long> ids) {
        mark("UPDATE outbox SET sent_at = ?, attempts = attempts + 1 WHERE id IN (SELECT value FROM json_each(?))",
                clock.millis(), ids);
    }

    /** Records a failed attempt to send message {@code id}; it is due again at {@code nextAttempt}. */
    public void markFailed(long id, Instant nextAttempt) {
        markFailed(List.of(id), nextAttempt);
    }

    /**
     * {@link #markFailed(long, Instant)} for every message of {@code ids}, in one statement; all or
     * none (an id that does not exist or was already sent fails the call).
     */
    public void markFailed(List<Long> ids, Instant nextAttempt) {
        mark("UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ? "
                + "WHERE id IN (SELECT value FROM json_each(?)) AND sent_at IS NULL", nextAttempt.toEpochMilli(), ids);
    }

    /** How many messages are unsent and how long the oldest has waited. */
    public Backlog backlog() {
        long now = clock.millis();
        return db.read(conn -> {
            try (PreparedStatement ps = conn.prepareStatement(
                    "SELECT count(*), min(created_at) FROM outbox WHERE sent_at IS NULL");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                long count = rs.getLong(1);
                long oldest = rs.getLong(2);
                return new Backlog(count, count == 0 ? Duration.ZERO : Duration.ofMillis(Math.max(0, now - oldest)));
            }
        });
    }

    private void mark(String sql, long value, List<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            marks.later(conn -> {
                PreparedStatement ps = db.prepared(conn, sql);
                ps.setLong(1, value);
                ps.setString(2, ids.toString()); // [1, 2, 3]: a JSON array
                int updated = ps.executeUpdate();
                if (updated != new java.util.HashSet<>(ids).size()) {
                    throw new SQLException("outbox messages " + ids + ": " + updated + " could be marked; the others"
                            + " do not exist or were already sent");
                }
                return null;
            }).join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new io.tracemark.core.StorageException("marking outbox messages " + ids + " failed: "
                    + e.getCause(), e.getCause());
        }
    }

    /**
     * One message waiting to be sent.
     *
     * @param id        row id, for {@link #markSent} / {@link #markFailed}
     * @param topic     kind of event
     * @param key       idempotency key
     * @param payload   JSON document
     * @param createdAt when it was appended
     * @param attempts  failed attempts so far
     */
    public record OutboxMessage(long id, String topic, String key, String payload, Instant createdAt, int attempts) {
    }

    /**
     * The unsent part of the outbox.
     *
     * @param count     unsent messages
     * @param oldestAge how long the oldest unsent message has waited (zero when none)
     */
    public record Backlog(long count, Duration oldestAge) {
    }
}

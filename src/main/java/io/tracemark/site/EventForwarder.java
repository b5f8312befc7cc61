package io.tracemark.site;

import io.tracemark.platform.Backoff;
import io.tracemark.platform.PlatformClient;
import io.tracemark.platform.PlatformException;
import io.tracemark.platform.wire.DailyQuantity;
import io.tracemark.platform.wire.EventBatch;
import io.tracemark.platform.wire.EventBatchResult;
import io.tracemark.platform.wire.FieldProblem;
import io.tracemark.platform.wire.UnitEvent;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The site's outbox to the platform: events in the order the site stored them ({@code seq}), in
 * batches of at most {@value #BATCH}; a batch is marked forwarded only once the platform answered
 * for every event of it, so a site killed in between sends it again and the platform, which holds
 * each idempotency key once, stores nothing twice. Nothing later is sent before a failed batch
 * (the order holds, per unit and overall). One site process at a time forwards
 * ({@link Exclusive#FORWARDER}); daily quantities follow the events.
 */
public final class EventForwarder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventForwarder.class);
    static final int BATCH = EventBatch.MAX_EVENTS;

    /** The outbox now: events not yet forwarded, the oldest one's age, the last failure. */
    public record Lag(long events, double oldestSeconds, long forwarded, long refused, String lastError) {
    }

    private final SiteDatabase db;
    private final PlatformClient platform;
    private final Backoff backoff;
    private final Duration idlePoll;
    private final Object wake = new Object();
    private volatile boolean stopping;
    private volatile String lastError;
    private int failures;
    private Thread worker;

    public EventForwarder(SiteDatabase db, PlatformClient platform, Backoff backoff, Duration idlePoll) {
        this.db = db;
        this.platform = platform;
        this.backoff = backoff;
        this.idlePoll = idlePoll;
    }

    /** Starts the forwarding thread. */
    public synchronized void start() {
        worker = new Thread(this::loop, "site-forwarder");
        worker.setDaemon(true);
        worker.start();
    }

    /** New events were stored: forward without waiting for the next poll. */
    public void wakeUp() {
        synchronized (wake) {
            wake.notifyAll();
        }
    }

    private void loop() {
        while (!stopping) {
            Duration pause = idlePoll;
            try {
                int sent = Exclusive.runIfFree(db, Exclusive.FORWARDER, 0, this::drain);
                failures = 0;
                lastError = null;
                if (sent > 0) {
                    continue;
                }
            } catch (PlatformException e) {
                failures++;
                lastError = e.getMessage();
                pause = backoff.delay(failures);
                LOG.warn("site outbox: {}; again in {} ms", e.getMessage(), pause.toMillis());
            } catch (RuntimeException e) {
                failures++;
                lastError = e.getMessage();
                pause = backoff.delay(failures);
                LOG.error("site outbox failed; again in {} ms", pause.toMillis(), e);
            }
            synchronized (wake) {
                try {
                    wake.wait(Math.max(1, pause.toMillis()));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /**
     * Forwards everything due now (call only under the forwarder lock, or from a test with one site).
     *
     * @return events and quantities forwarded
     */
    int drain() {
        int total = 0;
        while (!stopping) {
            int n = forwardBatch();
            total += n;
            if (n < BATCH) {
                break;
            }
        }
        return total + forwardDailyQuantities();
    }

    /** Forwards the next batch of events in order; returns how many. */
    public int forwardOnce() {
        return Exclusive.runIfFree(db, Exclusive.FORWARDER, 0, this::forwardBatch);
    }

    private int forwardBatch() {
        List<Long> seqs = new ArrayList<>();
        List<UnitEvent> events = new ArrayList<>();
        db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, body FROM unit_events WHERE forwarded_at IS NULL"
                    + " ORDER BY seq LIMIT " + BATCH);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    seqs.add(rs.getLong(1));
                    events.add(SiteMasterData.parse(rs.getString(2), UnitEvent.class));
                }
            }
            return null;
        });
        if (events.isEmpty()) {
            return 0;
        }
        EventBatchResult result = platform.postEvents(events);
        Map<String, String> refused = new HashMap<>();
        for (FieldProblem p : result.refused()) {
            refused.put(p.field(), p.message());
        }
        if (!refused.isEmpty()) {
            LOG.warn("{} refused {} events for good: {}", platform.describe(), refused.size(), result.refused());
        }
        db.inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE unit_events SET forwarded_at = ? WHERE seq = ANY(?)")) {
                ps.setTimestamp(1, Timestamp.from(Instant.now()));
                ps.setArray(2, c.createArrayOf("bigint", seqs.toArray()));
                ps.executeUpdate();
            }
            if (!refused.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE unit_events SET platform_refusal = ?"
                        + " WHERE idempotency_key = ?")) {
                    for (Map.Entry<String, String> e : refused.entrySet()) {
                        ps.setString(1, e.getValue());
                        ps.setString(2, e.getKey());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
            return null;
        });
        return events.size();
    }

    private int forwardDailyQuantities() {
        record Due(DailyQuantity q, Timestamp updatedAt) {
        }
        List<Due> due = db.read(c -> {
            List<Due> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT product_id, day, source, quantity, exact, updated_at"
                    + " FROM daily_quantities WHERE forwarded_at IS NULL ORDER BY updated_at");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String source = rs.getString(3);
                    out.add(new Due(new DailyQuantity(rs.getString(1), rs.getObject(2, java.time.LocalDate.class),
                            rs.getLong(4), rs.getBoolean(5), source.isEmpty() ? null : source), rs.getTimestamp(6)));
                }
            }
            return out;
        });
        for (Due d : due) {
            platform.postDailyQuantity(d.q());
            db.inTransaction(c -> {
                try (PreparedStatement ps = c.prepareStatement("UPDATE daily_quantities SET forwarded_at = now()"
                        + " WHERE product_id = ? AND day = ? AND source = ? AND updated_at = ?")) {
                    ps.setString(1, d.q().productId());
                    ps.setObject(2, d.q().day());
                    ps.setString(3, d.q().source() == null ? "" : d.q().source());
                    ps.setTimestamp(4, d.updatedAt());
                    return ps.executeUpdate();
                }
            });
        }
        return due.size();
    }

    /** How far behind the platform is. */
    public Lag lag() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT (SELECT count(*) FROM unit_events WHERE forwarded_at IS NULL),"
                    + " (SELECT min(received_at) FROM unit_events WHERE forwarded_at IS NULL),"
                    + " (SELECT count(*) FROM unit_events WHERE forwarded_at IS NOT NULL),"
                    + " (SELECT count(*) FROM unit_events WHERE platform_refusal IS NOT NULL)");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp oldest = rs.getTimestamp(2);
                return new Lag(rs.getLong(1), oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), Instant.now()).toMillis() / 1000.0),
                        rs.getLong(3), rs.getLong(4), lastError);
            }
        });
    }

    @Override
    public void close() {
        stopping = true;
        wakeUp();
        Thread t;
        synchronized (this) {
            t = worker;
        }
        if (t != null) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

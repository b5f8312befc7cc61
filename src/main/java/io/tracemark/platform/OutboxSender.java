package io.tracemark.platform;

import io.tracemark.platform.wire.ChainAnchor;
import io.tracemark.platform.wire.EventBatch;
import io.tracemark.platform.wire.EventBatchResult;
import io.tracemark.platform.wire.FieldProblem;
import io.tracemark.platform.wire.UnitEvent;
import io.tracemark.store.Database;
import io.tracemark.store.Outbox;
import io.tracemark.store.Outbox.OutboxMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the station's outbox to the platform: oldest message first, in batches, each unit event
 * under its outbox idempotency key (so the platform holds it once however often it is re-sent).
 * A failed batch is retried after an exponential backoff with jitter, and nothing later is sent
 * before it: the order holds. Everything is in SQLite, so a restarted sender carries on where the
 * last one stopped.
 *
 * <p>Run it on its own thread with {@link #start()}, or call {@link #drainOnce()} yourself.
 */
public final class OutboxSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OutboxSender.class);

    /**
     * @param batchSize    events per call, 1..{@link EventBatch#MAX_EVENTS}
     * @param pollInterval how often an idle sender looks for new messages
     * @param backoff      delay after failures
     */
    public record Settings(int batchSize, Duration pollInterval, Backoff backoff) {
        public Settings {
            if (batchSize < 1 || batchSize > EventBatch.MAX_EVENTS) {
                throw new IllegalArgumentException("outbox sender: batchSize " + batchSize + " is not 1.."
                        + EventBatch.MAX_EVENTS);
            }
        }

        /**
         * 200 events per batch, 1 s poll (a line of 90 units/s sends batches of about 90: the cost of a
         * call is shared by many events), backoff 500 ms doubling to 60 s ±20 % (seed 1).
         */
        public static Settings defaults() {
            return new Settings(200, Duration.ofSeconds(1),
                    new Backoff(Duration.ofMillis(500), Duration.ofSeconds(60), 0.2, 1));
        }
    }

    /**
     * What one round did.
     *
     * @param accepted   events the platform stored now
     * @param duplicates events it already held
     * @param refused    events it refused for good (logged; they are not retried)
     * @param local      messages that stay at the station (e.g. {@code job.release})
     * @param error      why the round failed (the batch is retried later), null on success
     */
    public record Round(int accepted, int duplicates, List<FieldProblem> refused, int local, String error) {
        public int delivered() {
            return accepted + duplicates + refused.size() + local;
        }
    }

    private final Database db;
    private final Outbox outbox;
    private final PlatformClient client;
    private final UnitEvents events;
    private final AnchorMessages anchorMessages;
    private final Settings settings;
    private final Clock clock;
    private final Object monitor = new Object();
    private final FailureLog failureLog;
    private int failures;
    private String lastError;
    private Instant nextAttemptAt;
    private long delivered;
    private Thread worker;
    private volatile boolean stopping;

    /**
     * @param db           the station database the outbox lives in (marks of one batch are committed together)
     * @param outbox       the outbox (the ledger's)
     * @param productOfJob the product a station job produces (e.g. {@link JobProducts}), or null when unknown
     */
    public OutboxSender(Database db, Outbox outbox, PlatformClient client, Function<String, String> productOfJob,
                        Settings settings, Clock clock) {
        this(db, outbox, client, productOfJob, settings, clock, null);
    }

    /**
     * A sender whose event keys carry the station: {@code <stationId>/<outbox key>}, e.g.
     * {@code line-1/unit-verdict/line-1-20261201-01JDX…/17}. With job ids unique across database
     * lifetimes, two stations of one producer and a station whose database was replaced never
     * send two events under one key.
     *
     * @param stationId the station's id ({@code station.name}), or null for the bare outbox key
     */
    public OutboxSender(Database db, Outbox outbox, PlatformClient client, Function<String, String> productOfJob,
                        Settings settings, Clock clock, String stationId) {
        this.db = db;
        this.outbox = outbox;
        this.client = client;
        this.events = new UnitEvents(productOfJob, stationId);
        this.anchorMessages = new AnchorMessages(stationId);
        this.settings = settings;
        this.clock = clock;
        this.failureLog = new FailureLog(LOG, client.describe() + " outbox sender", clock, Duration.ofMinutes(10));
    }

    /**
     * Sends one batch of due messages, if any, unless a backoff is running. Never throws for
     * platform failures: they are recorded in {@link #lag()} and retried later.
     */
    public Round drainOnce() {
        synchronized (monitor) {
            if (nextAttemptAt != null && clock.instant().isBefore(nextAttemptAt)) {
                return new Round(0, 0, List.of(), 0, "backing off until " + nextAttemptAt);
            }
        }
        List<OutboxMessage> batch = outbox.pending(settings.batchSize());
        if (batch.isEmpty()) {
            return new Round(0, 0, List.of(), 0, null);
        }
        List<UnitEvent> toSend = new ArrayList<>();
        List<ChainAnchor> anchors = new ArrayList<>();
        List<FieldProblem> unreadable = new ArrayList<>();
        int local = 0;
        for (OutboxMessage m : batch) {
            if (AnchorMessages.isAnchor(m)) {
                StringBuilder why = new StringBuilder();
                anchorMessages.toAnchor(m, why).ifPresentOrElse(anchors::add,
                        () -> unreadable.add(new FieldProblem(m.key(), why.toString())));
                continue;
            }
            if (!UnitEvents.reported(m.topic())) {
                local++;
                continue;
            }
            StringBuilder why = new StringBuilder();
            events.toEvent(m, why).ifPresentOrElse(toSend::add, () -> unreadable.add(new FieldProblem(m.key(), why.toString())));
        }
        EventBatchResult result;
        try {
            result = toSend.isEmpty() ? new EventBatchResult(0, 0, List.of()) : client.postEvents(toSend);
            postAnchors(anchors, unreadable);
        } catch (PlatformException e) {
            return failed(batch, e);
        }
        outbox.markSent(ids(batch));
        List<FieldProblem> refused = new ArrayList<>(unreadable);
        refused.addAll(result.refused());
        if (!refused.isEmpty()) {
            LOG.warn("{}: {} outbox events refused for good: {}", client.describe(), refused.size(), refused);
        }
        failureLog.succeeded();
        synchronized (monitor) {
            failures = 0;
            lastError = null;
            nextAttemptAt = null;
            delivered += batch.size();
            monitor.notifyAll();
        }
        return new Round(result.accepted(), result.duplicates(), refused, local, null);
    }

    /**
     * Posts the batch's audit anchors. A refusal is not retried (it would hold up every later unit
     * event): the platform holds another hash for an anchored entry, so the station's audit chain was
     * rewritten — logged as an error and listed among the refused.
     */
    private void postAnchors(List<ChainAnchor> anchors, List<FieldProblem> refused) {
        if (anchors.isEmpty()) {
            return;
        }
        try {
            client.postAuditAnchors(anchors);
        } catch (PlatformException e) {
            if (e.kind() != PlatformException.Kind.REFUSED) {
                throw e;
            }
            LOG.error("{} refuses the station's audit anchors (the audit chain differs from the one it holds): {}",
                    client.describe(), e.getMessage());
            anchors.forEach(a -> refused.add(new FieldProblem(a.idempotencyKey(), e.getMessage())));
        }
    }

    private Round failed(List<OutboxMessage> batch, PlatformException e) {
        Instant now = clock.instant();
        outbox.markFailed(ids(batch), now); // due again at once after a restart; the order is kept by the backoff here
        Instant retryAt;
        synchronized (monitor) {
            failures++;
            lastError = e.getMessage();
            nextAttemptAt = now.plus(settings.backoff().delay(failures));
            retryAt = nextAttemptAt;
            monitor.notifyAll();
        }
        failureLog.failed("batch of " + batch.size() + " messages: " + e.getMessage(), retryAt);
        return new Round(0, 0, List.of(), 0, e.getMessage());
    }

    private static List<Long> ids(List<OutboxMessage> batch) {
        return batch.stream().map(OutboxMessage::id).toList();
    }

    /** How far behind the platform is. */
    public PlatformLag lag() {
        Outbox.Backlog b = outbox.backlog();
        synchronized (monitor) {
            return new PlatformLag(b.count(), b.oldestAge(), failures, lastError, nextAttemptAt, delivered);
        }
    }

    /** Starts a daemon thread that drains continuously. */
    public synchronized void start() {
        if (worker != null) {
            throw new IllegalStateException("outbox sender already started");
        }
        stopping = false;
        worker = new Thread(this::loop, "outbox-sender");
        worker.setDaemon(true);
        worker.start();
    }

    /** Wakes the worker: new messages were appended. */
    public void nudge() {
        synchronized (monitor) {
            monitor.notifyAll();
        }
    }

    /**
     * Waits until the outbox is empty (every message delivered) or the timeout passes.
     *
     * @return whether the outbox was empty in time
     */
    public boolean awaitDrained(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (outbox.backlog().count() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                monitor.wait(Math.max(1, Math.min(left / 1_000_000, 100)));
            }
            return true;
        }
    }

    private void loop() {
        int unexpected = 0;
        while (!stopping) {
            Duration wait;
            try {
                Round r = drainOnce();
                unexpected = 0;
                wait = r.error() != null ? untilNextAttempt()
                        : r.delivered() == settings.batchSize() ? Duration.ZERO : settings.pollInterval();
            } catch (RuntimeException e) {
                // e.g. the database is busy or gone: back off like a platform failure, log it once per reason
                unexpected++;
                wait = settings.backoff().delay(unexpected);
                failureLog.failed("unexpected " + e, clock.instant().plus(wait));
                LOG.debug("outbox sender failure", e);
            }
            if (!wait.isZero()) {
                synchronized (monitor) {
                    try {
                        monitor.wait(Math.max(1, wait.toMillis()));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }

    private Duration untilNextAttempt() {
        synchronized (monitor) {
            if (nextAttemptAt == null) {
                return settings.pollInterval();
            }
            Duration d = Duration.between(clock.instant(), nextAttemptAt);
            return d.isNegative() || d.isZero() ? Duration.ofMillis(1) : d;
        }
    }

    /** Stops the worker thread (the outbox keeps what is unsent for the next start). */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            t = worker;
            worker = null;
        }
        if (t == null) {
            return;
        }
        stopping = true;
        t.interrupt();
        try {
            t.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

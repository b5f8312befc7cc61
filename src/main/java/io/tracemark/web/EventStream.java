package io.tracemark.web;

import io.javalin.http.sse.SseClient;
import io.tracemark.line.LineControl;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GET /events: pushes the status document (event {@code status}) to every connected screen when the
 * line changes, the platform's anti-counterfeit alerts or another section of the status change,
 * coalescing bursts (at most one push per {@value #COALESCE_MS} ms, so well within half a second), and
 * heartbeat comments in between. A stream whose session ended is closed. All writes
 * happen on one thread, so a client never sees two events interleaved.
 */
final class EventStream implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
    private static final long COALESCE_MS = 50;

    private final LineControl line;
    private final Supplier<Map<String, Object>> extraStatus;
    private final SessionRegistry sessions;
    private final Duration heartbeat;
    static final long RATE_CHECK_MS = 2000;
    /** The rate last seen by {@link #rateCheck}; on the writer thread. */
    private double lastRate;
    private final Map<SseClient, Principal> clients = new ConcurrentHashMap<>();
    private final AtomicBoolean pending = new AtomicBoolean();
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "panel-events");
        thread.setDaemon(true);
        return thread;
    });
    private final CounterfeitAlerts alerts;
    private final StatusChanges extraChanges;
    private final List<AutoCloseable> subscriptions = new ArrayList<>();

    /**
     * @param alerts       the platform's alerts: a change of them is pushed like a change of the line
     * @param extraChanges a change of the extra sections, pushed likewise
     */
    EventStream(LineControl line, Supplier<Map<String, Object>> extraStatus, CounterfeitAlerts alerts,
                StatusChanges extraChanges, SessionRegistry sessions, Duration heartbeat) {
        this.line = line;
        this.alerts = alerts;
        this.extraChanges = extraChanges;
        this.extraStatus = extraStatus;
        this.sessions = sessions;
        this.heartbeat = heartbeat;
    }

    void start() {
        subscriptions.add(line.onChange(this::changed));
        subscriptions.add(alerts.onChange(this::changed));
        subscriptions.add(extraChanges.onChange(this::changed));
        long every = heartbeat.toMillis();
        writer.scheduleAtFixedRate(this::beat, every, every, TimeUnit.MILLISECONDS);
        writer.scheduleAtFixedRate(this::rateCheck, RATE_CHECK_MS, RATE_CHECK_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * The rate is over the last minute: it falls while nothing happens on the line (paused, stopped,
     * done), and no line event tells of that. Checked every {@value #RATE_CHECK_MS} ms, pushed when it moved.
     */
    private void rateCheck() {
        try {
            double rate = line.snapshot().counters().unitsPerMinute();
            if (rate != lastRate) {
                lastRate = rate;
                changed();
            }
        } catch (RuntimeException e) {
            LOG.warn("rate check failed: {}", e.toString());
        }
    }

    /** The SSE handler: keeps the connection and sends the current status at once. */
    void connect(SseClient client) {
        Principal principal = Gate.principal(client.ctx());
        client.keepAlive();
        client.onClose(() -> clients.remove(client));
        clients.put(client, principal);
        writer.execute(() -> send(client, principal, PanelJson.write(status())));
    }

    int clientCount() {
        return clients.size();
    }

    private void changed() {
        if (pending.compareAndSet(false, true)) {
            writer.schedule(this::push, COALESCE_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void push() {
        pending.set(false);
        try {
            String json = PanelJson.write(status());
            clients.forEach((client, principal) -> send(client, principal, json));
        } catch (RuntimeException e) {
            LOG.warn("status push failed: {}", e.toString(), e);
        }
    }

    private void beat() {
        clients.forEach((client, principal) -> {
            if (alive(client, principal)) {
                client.sendComment("heartbeat");
            }
        });
    }

    private void send(SseClient client, Principal principal, String json) {
        if (alive(client, principal)) {
            client.sendEvent("status", json);
        }
    }

    private boolean alive(SseClient client, Principal principal) {
        boolean sessionLive = principal.viaToken() || sessions.find(principal.sessionId(), false).isPresent();
        if (client.terminated() || !sessionLive) {
            clients.remove(client);
            client.close();
            return false;
        }
        return true;
    }

    private Map<String, Object> status() {
        return PanelJson.status(line, extraStatus);
    }

    @Override
    public void close() {
        for (AutoCloseable subscription : subscriptions) {
            try {
                subscription.close();
            } catch (Exception e) {
                LOG.warn("unsubscribing from status changes failed: {}", e.toString());
            }
        }
        clients.keySet().forEach(SseClient::close);
        writer.shutdownNow();
    }
}

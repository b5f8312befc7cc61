package io.tracemark.platform;

import io.tracemark.core.InvalidInputException;
import io.tracemark.platform.wire.CodeRange;
import io.tracemark.platform.wire.CodeRequest;
import io.tracemark.platform.wire.CodeRequestStatus;
import io.tracemark.platform.wire.FieldProblem;
import io.tracemark.platform.wire.NewCodeRequest;
import io.tracemark.platform.wire.Product;
import io.tracemark.platform.wire.RangeAck;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a buffer of activated codes per product: pulls the platform's activated ranges, imports each
 * whole or refuses it whole (the reason goes back to the platform and to the listener), requests
 * more codes when a product's buffer is below its target, and raises a low-buffer alarm. Runs on a
 * schedule ({@link #start}) and on demand ({@link #pullNow()}); a platform outage only delays it,
 * the station keeps printing from its buffer.
 */
public final class CodeRangePuller implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(CodeRangePuller.class);

    /**
     * A range refused whole.
     *
     * @param rangeId  the range
     * @param reason   one line, as sent to the platform
     * @param problems every problem found (the first ones, for huge ranges)
     */
    public record Refusal(String rangeId, String reason, List<FieldProblem> problems) {
    }

    /**
     * What one pull did.
     *
     * @param imported  ranges imported and accepted (ids)
     * @param refused   ranges refused whole
     * @param requested code requests made for products below their target
     * @param available codes AVAILABLE per buffered product after the pull
     * @param low       buffered products below their alarm threshold
     * @param error     why talking to the platform failed, null if it did not
     */
    public record PullReport(List<String> imported, List<Refusal> refused, List<CodeRequest> requested,
                             Map<String, Long> available, Set<String> low, String error) {
    }

    private final PlatformClient client;
    private final CodeStock stock;
    private final PullerSettings settings;
    private final PlatformListener listener;
    private final PendingCodeRequests outstanding;
    private final FailureLog failures = new FailureLog(LOG, "code range pull", java.time.Clock.systemUTC(),
            java.time.Duration.ofMinutes(30));
    private final Set<String> lowProducts = new HashSet<>();
    private Map<String, Product> products = Map.of();
    private BackgroundTask task;

    /** A puller whose pending code requests live in memory only (a restart forgets them). */
    public CodeRangePuller(PlatformClient client, CodeStock stock, PullerSettings settings, PlatformListener listener) {
        this(client, stock, settings, listener, PendingCodeRequests.inMemory());
    }

    /**
     * @param pending where requests waiting for the platform's audit are remembered; with
     *                {@link StoredCodeRequests} a restarted station does not ask twice
     */
    public CodeRangePuller(PlatformClient client, CodeStock stock, PullerSettings settings, PlatformListener listener,
                           PendingCodeRequests pending) {
        this.client = client;
        this.stock = stock;
        this.settings = settings;
        this.listener = listener;
        this.outstanding = pending;
    }

    /** Pulls now, on the calling thread. Never throws for platform failures: see {@link PullReport#error()}. */
    public synchronized PullReport pullNow() {
        List<String> imported = new ArrayList<>();
        List<Refusal> refused = new ArrayList<>();
        List<CodeRequest> requested = new ArrayList<>();
        String error = null;
        try {
            products = client.products().stream().collect(Collectors.toMap(Product::id, p -> p, (a, b) -> a));
            takeRanges(client.activatedRanges(null), imported, refused);
            checkOutstanding();
            for (Map.Entry<String, Long> e : settings.dailyRates().entrySet()) {
                topUp(e.getKey(), requested, imported, refused);
            }
            failures.succeeded();
        } catch (PlatformException e) {
            error = e.getMessage();
            failures.failed(e.getMessage(), null);
            listener.platformUnavailable(e);
        }
        Map<String, Long> available = checkBuffers();
        return new PullReport(imported, refused, requested, available, Set.copyOf(lowProducts), error);
    }

    private void takeRanges(List<CodeRange> ranges, List<String> imported, List<Refusal> refused) {
        for (CodeRange range : ranges) {
            Refusal refusal = take(range);
            if (refusal == null) {
                imported.add(range.id());
            } else {
                refused.add(refusal);
            }
        }
    }

    /** Imports one range whole and acknowledges it; returns the refusal, or null when accepted. */
    private Refusal take(CodeRange range) {
        List<FieldProblem> problems = RangeCheck.problems(range, products.get(range.productId()));
        String reason = problems.isEmpty() ? null : "range " + range.id() + " refused by the station: "
                + problems.size() + " problem" + (problems.size() == 1 ? "" : "s");
        if (problems.isEmpty()) {
            List<String> codes = range.codes() != null ? range.codes() : range.pattern().expand();
            try {
                stock.importRange(range.productId(), range.id(), range.scheme(), codes);
            } catch (InvalidInputException e) {
                reason = "range " + range.id() + " refused by the station: " + e.problems().size()
                        + " problem" + (e.problems().size() == 1 ? "" : "s") + " (nothing imported)";
                e.problems().stream().limit(RangeCheck.MAX_LISTED)
                        .forEach(p -> problems.add(new FieldProblem(p.where(), p.message())));
            }
        }
        if (reason == null) {
            client.acknowledge(range.id(), RangeAck.accept());
            LOG.info("range {} of {}: {} codes imported", range.id(), range.productId(), range.count());
            listener.rangeImported(range);
            return null;
        }
        LOG.warn("{}: {}", reason, problems);
        client.acknowledge(range.id(), RangeAck.refuse(reason, problems));
        listener.rangeRefused(range, reason, problems);
        return new Refusal(range.id(), reason, problems);
    }

    private void checkOutstanding() {
        for (CodeRequest waiting : outstanding.all()) {
            CodeRequest r = client.codeRequest(waiting.id());
            if (r.status() != CodeRequestStatus.PENDING_AUDIT) {
                outstanding.remove(waiting.id());
                if (r.status() == CodeRequestStatus.REFUSED) {
                    listener.requestNotActivated(r);
                }
            }
        }
    }

    private void topUp(String productId, List<CodeRequest> requested, List<String> imported, List<Refusal> refused) {
        long pending = outstanding.all().stream().filter(r -> r.productId().equals(productId))
                .mapToLong(CodeRequest::quantity).sum();
        long missing = settings.target(productId) - stock.available(productId) - pending;
        if (missing <= 0) {
            return;
        }
        int quantity = (int) Math.min(Math.max(missing, settings.minRequest()), settings.maxRequest());
        CodeRequest r = client.requestCodes(new NewCodeRequest(productId, quantity, null));
        requested.add(r);
        LOG.info("requested {} codes for {}: {}", quantity, productId, r.status());
        switch (r.status()) {
            case ACTIVATED -> takeRanges(client.activatedRanges(productId), imported, refused);
            case PENDING_AUDIT -> outstanding.add(r);
            case REFUSED -> listener.requestNotActivated(r);
        }
    }

    private Map<String, Long> checkBuffers() {
        Map<String, Long> available = new LinkedHashMap<>();
        for (String productId : settings.dailyRates().keySet()) {
            long n = stock.available(productId);
            available.put(productId, n);
            long threshold = settings.alarmThreshold(productId);
            if (n < threshold && lowProducts.add(productId)) {
                LOG.warn("code buffer of {} is low: {} codes left, alarm below {}", productId, n, threshold);
                listener.bufferLow(productId, n, threshold);
            } else if (n >= threshold && lowProducts.remove(productId)) {
                listener.bufferRestored(productId, n);
            }
        }
        return available;
    }

    /** Codes AVAILABLE for a product now (without asking the platform). */
    public long available(String productId) {
        return stock.available(productId);
    }

    /**
     * Pulls every {@link PullerSettings#interval()} on a daemon thread, the first time after
     * {@code firstIn}: the station passes one interval when it has just pulled at start, so that a job
     * started meanwhile does not trigger a second pull (and a second range) a moment after the first.
     */
    public synchronized void start(java.time.Duration firstIn) {
        if (task != null) {
            throw new IllegalStateException("code range puller already started");
        }
        // pullNow reports platform failures itself (listener, log once per reason) and never throws them
        task = new BackgroundTask("code-range-puller", this::pullNow, settings.interval(),
                new Backoff(settings.interval(), settings.interval().multipliedBy(4), 0.2, 1), LOG,
                java.time.Clock.systemUTC());
        task.start(firstIn);
    }

    @Override
    public void close() {
        BackgroundTask t;
        synchronized (this) {
            t = task;
            task = null;
        }
        if (t != null) {
            t.close();
        }
    }
}

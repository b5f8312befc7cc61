package io.tracemark.web;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Keeps audit events in memory (and logs them): for tests and tools without a station database. */
public final class MemoryAuditTrail implements AuditTrail {

    private static final Logger LOG = LoggerFactory.getLogger(MemoryAuditTrail.class);

    /** One recorded event. */
    public record Entry(Instant at, String actor, String action, String detail) {
    }

    private final Clock clock;
    private final List<Entry> entries = new ArrayList<>();

    public MemoryAuditTrail(Clock clock) {
        this.clock = clock;
    }

    @Override
    public synchronized void record(String actor, String action, String detail) {
        entries.add(new Entry(clock.instant(), actor, action, detail));
        LOG.info("audit {} {} {}", actor, action, detail);
    }

    /** Every event so far, oldest first. */
    public synchronized List<Entry> entries() {
        return List.copyOf(entries);
    }
}

package io.tracemark.web;

import io.tracemark.records.audit.AuditEntries;
import io.tracemark.records.audit.AuditFilter;
import io.tracemark.records.audit.AuditVerdict;
import io.tracemark.records.audit.AuditVerification;
import io.tracemark.store.AuditAnchor;
import io.tracemark.store.Database;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

/**
 * The station database's audit trail, verified against its own anchors and those {@code external}
 * gives (the platform's copies; an empty list without a platform).
 */
public final class StationAuditRecords implements AuditRecords {

    private final Database db;
    private final Supplier<List<AuditAnchor>> external;

    public StationAuditRecords(Database db, Supplier<List<AuditAnchor>> external) {
        this.db = db;
        this.external = external;
    }

    @Override
    public AuditEntries.Page entries(AuditFilter filter) {
        return new AuditEntries(db).list(filter);
    }

    @Override
    public AuditVerdict verify(Instant from) {
        return new AuditVerification(db).verify(from, external.get());
    }
}

package io.tracemark.web;

import io.tracemark.records.audit.AuditEntries;
import io.tracemark.records.audit.AuditFilter;
import io.tracemark.records.audit.AuditVerdict;
import java.time.Instant;

/** The audit trail as supervisors see it at the panel: listed with filters, and verified. */
public interface AuditRecords {

    /** A panel without a station database: its audit endpoints answer 404. */
    AuditRecords NONE = new AuditRecords() {
        @Override
        public AuditEntries.Page entries(AuditFilter filter) {
            throw new NotFoundException("audit trail");
        }

        @Override
        public AuditVerdict verify(Instant from) {
            throw new NotFoundException("audit trail");
        }
    };

    /** One page of entries, newest first. */
    AuditEntries.Page entries(AuditFilter filter);

    /**
     * Checks the trail from {@code from} (null: all), against every anchor the station can reach;
     * may take seconds on a long trail (`bench audit` gives the time per million entries).
     */
    AuditVerdict verify(Instant from);
}

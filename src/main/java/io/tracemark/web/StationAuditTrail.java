package io.tracemark.web;

import io.tracemark.store.AuditLog;
import io.tracemark.store.Database;

/** Writes the panel's audit events to the station's hash-chained audit log, one transaction each. */
public final class StationAuditTrail implements AuditTrail {

    private final Database db;
    private final AuditLog log;

    public StationAuditTrail(Database db, AuditLog log) {
        this.db = db;
        this.log = log;
    }

    @Override
    public void record(String actor, String action, String detail) {
        db.inTransaction(conn -> log.record(conn, actor, action, detail));
    }
}

-- V12: the keyed audit chain (io.tracemark.store.AuditLog).
-- audit_log.scheme: how an entry's hash was made. Entries written before this migration keep
--   'sha256-pipe' (SHA-256 over the fields joined by '|', which anyone can recompute); new entries are
--   'hmac-sha256': HMAC-SHA256 under the station's audit key (a file outside the database) over the
--   fields length-prefixed. The first keyed entry's prev_hash is the last unkeyed entry's hash, so the
--   old chain is sealed by the new one from here on.
-- audit_log.key_id: the public id of the key that signed the entry (null for unkeyed entries).
-- audit_anchors: chain heads given to the platform through the outbox (topic audit.anchor); the
--   platform's copy tells a truncated or rebuilt trail from the real one.
-- audit_log_at: entries by time (audit verify --from T, the panel's audit view).

ALTER TABLE audit_log ADD COLUMN scheme TEXT NOT NULL DEFAULT 'sha256-pipe';
ALTER TABLE audit_log ADD COLUMN key_id TEXT;
CREATE INDEX audit_log_at ON audit_log(at);

CREATE TABLE audit_anchors (
    entry_id INTEGER PRIMARY KEY,
    hash     TEXT    NOT NULL,
    at       INTEGER NOT NULL
);

-- V1: the code ledger, the audit log and the outbox.
-- Times are milliseconds since 1970-01-01 UTC (INTEGER), so they sort and compare exactly.

CREATE TABLE code_packages (
    id          INTEGER PRIMARY KEY,
    sha256      TEXT    NOT NULL UNIQUE,
    file_name   TEXT    NOT NULL,
    scheme      TEXT    NOT NULL,
    code_count  INTEGER NOT NULL,
    imported_at INTEGER NOT NULL,
    actor       TEXT    NOT NULL
);

CREATE TABLE jobs (
    id             TEXT    PRIMARY KEY,
    trace_level    TEXT    NOT NULL,
    quantity       INTEGER NOT NULL,
    state          TEXT    NOT NULL,
    created_at     INTEGER NOT NULL,
    ended_at       INTEGER,
    shared_code_id INTEGER REFERENCES codes(id),
    released_units INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE codes (
    id         INTEGER PRIMARY KEY,
    code       TEXT    NOT NULL UNIQUE,
    scheme     TEXT    NOT NULL,
    package_id INTEGER NOT NULL REFERENCES code_packages(id),
    state      TEXT    NOT NULL,
    job_id     TEXT    REFERENCES jobs(id),
    updated_at INTEGER NOT NULL
);
CREATE INDEX codes_by_state ON codes(state, id);
-- partial: the many codes not (yet) in a job cost nothing at import
CREATE INDEX codes_by_job ON codes(job_id, state) WHERE job_id IS NOT NULL;

CREATE TABLE units (
    id         INTEGER PRIMARY KEY,
    job_id     TEXT    NOT NULL REFERENCES jobs(id),
    code_id    INTEGER NOT NULL REFERENCES codes(id),
    seq        INTEGER NOT NULL,
    state      TEXT    NOT NULL,
    reason     TEXT,
    grade      TEXT,
    sent_at    INTEGER,
    verdict_at INTEGER,
    UNIQUE (job_id, seq)
);
CREATE INDEX units_by_code ON units(code_id, state);
CREATE INDEX units_by_job_state ON units(job_id, state);

CREATE TABLE transitions (
    id         INTEGER PRIMARY KEY,
    code_id    INTEGER NOT NULL REFERENCES codes(id),
    unit_id    INTEGER REFERENCES units(id),
    from_state TEXT    NOT NULL,
    to_state   TEXT    NOT NULL,
    job_id     TEXT    REFERENCES jobs(id),
    actor      TEXT    NOT NULL,
    reason     TEXT,
    at         INTEGER NOT NULL
);
CREATE INDEX transitions_by_code ON transitions(code_id);
CREATE INDEX transitions_by_job ON transitions(job_id, from_state, to_state);

CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,
    actor     TEXT    NOT NULL,
    action    TEXT    NOT NULL,
    detail    TEXT    NOT NULL,
    prev_hash TEXT    NOT NULL,
    hash      TEXT    NOT NULL
);

CREATE TABLE outbox (
    id              INTEGER PRIMARY KEY,
    topic           TEXT    NOT NULL,
    idempotency_key TEXT    NOT NULL UNIQUE,
    payload         TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL
);
CREATE INDEX outbox_pending ON outbox(sent_at, next_attempt_at, id);

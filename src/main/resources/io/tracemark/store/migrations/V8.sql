-- V8: what the station owes or awaits from its traceability platform, kept across restarts.
-- platform_code_requests: code requests waiting for the platform's audit (asked once, never twice).
-- platform_returns: unused codes given back at batch end, until the platform has confirmed them.
-- platform_daily_reports: the last daily quantity posted per product and day (final once the day is over).

CREATE TABLE platform_code_requests (
    id           TEXT    PRIMARY KEY,
    product_id   TEXT    NOT NULL,
    quantity     INTEGER NOT NULL,
    requested_at INTEGER NOT NULL
);

CREATE TABLE platform_returns (
    idempotency_key TEXT    PRIMARY KEY,
    job_id          TEXT    NOT NULL,
    product_id      TEXT    NOT NULL,
    codes           TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    confirmed_at    INTEGER
);

CREATE TABLE platform_daily_reports (
    product_id  TEXT    NOT NULL,
    day         TEXT    NOT NULL,
    quantity    INTEGER NOT NULL,
    final       INTEGER NOT NULL,
    reported_at INTEGER NOT NULL,
    PRIMARY KEY (product_id, day)
);

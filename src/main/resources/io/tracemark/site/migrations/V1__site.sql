-- The site server's schema (PostgreSQL, applied by Flyway at start). Every table is shared by all
-- site processes on this database: the site keeps no state of its own beyond it.

-- Stations that may use the site; a station authenticates with its bearer token (kept as SHA-256).
CREATE TABLE stations (
    id            text PRIMARY KEY,
    name          text        NOT NULL,
    token_sha256  text        NOT NULL UNIQUE,
    registered_at timestamptz NOT NULL DEFAULT now(),
    last_seen_at  timestamptz
);

-- Master data copied from the platform (the contract's Producer and Product as JSON).
CREATE TABLE master_producers (
    id         text PRIMARY KEY,
    body       text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE master_products (
    id         text PRIMARY KEY,
    body       text        NOT NULL,
    updated_at timestamptz NOT NULL DEFAULT now()
);

-- Code requests the site made to the platform and ranges it pulled from there.
CREATE TABLE platform_requests (
    id         text PRIMARY KEY,
    product_id text        NOT NULL,
    quantity   integer     NOT NULL,
    status     text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE platform_ranges (
    id         text PRIMARY KEY,
    product_id text        NOT NULL,
    scheme     text        NOT NULL,
    count      bigint      NOT NULL,
    pulled_at  timestamptz NOT NULL DEFAULT now()
);

-- Every code the site holds. station_range_id null: in the site's pool; else handed to the station
-- range that holds it now (one at a time: a code returned unused goes back to the pool first).
CREATE TABLE pool_codes (
    code              text PRIMARY KEY,
    product_id        text   NOT NULL,
    scheme            text   NOT NULL,
    platform_range_id text   NOT NULL REFERENCES platform_ranges (id),
    position          bigserial,
    station_range_id  text
);
CREATE INDEX pool_codes_free ON pool_codes (product_id, position) WHERE station_range_id IS NULL;
CREATE INDEX pool_codes_held ON pool_codes (station_range_id) WHERE station_range_id IS NOT NULL;

CREATE SEQUENCE station_request_numbers;
CREATE SEQUENCE station_range_numbers;

-- A station's code requests (the contract's CodeRequest): ACTIVATED at once from the pool, or
-- PENDING_AUDIT until the pool has codes for it.
CREATE TABLE station_requests (
    id         text PRIMARY KEY,
    station_id text        NOT NULL REFERENCES stations (id),
    product_id text        NOT NULL,
    quantity   integer     NOT NULL,
    scheme     text,
    status     text        NOT NULL,
    range_id   text,
    reason     text,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX station_requests_pending ON station_requests (created_at) WHERE status = 'PENDING_AUDIT';

-- Ranges handed to stations (the contract's CodeRange, always an explicit list) and their codes.
CREATE TABLE station_ranges (
    id             text PRIMARY KEY,
    station_id     text        NOT NULL REFERENCES stations (id),
    request_id     text,
    product_id     text        NOT NULL,
    scheme         text        NOT NULL,
    count          integer     NOT NULL,
    status         text        NOT NULL,
    refusal_reason text,
    activated_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX station_ranges_open ON station_ranges (station_id, activated_at) WHERE status = 'ACTIVATED';
CREATE TABLE station_range_codes (
    range_id text    NOT NULL REFERENCES station_ranges (id),
    position integer NOT NULL,
    code     text    NOT NULL,
    PRIMARY KEY (range_id, position)
);
CREATE INDEX station_range_codes_code ON station_range_codes (code);

-- Unused codes a station gave back (POST /returns), each idempotency key once.
CREATE TABLE station_returns (
    idempotency_key text PRIMARY KEY,
    station_id      text        NOT NULL,
    product_id      text        NOT NULL,
    returned        integer     NOT NULL,
    refused         text        NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now()
);

-- Every unit event of every station, each idempotency key once, and the site's outbox to the
-- platform: forwarded_at null until the platform has taken it (in seq order).
CREATE TABLE unit_events (
    seq             bigserial PRIMARY KEY,
    idempotency_key text        NOT NULL UNIQUE,
    station_id      text        NOT NULL,
    code            text        NOT NULL,
    product_id      text,
    type            text        NOT NULL,
    occurred_at     timestamptz NOT NULL,
    job_id          text,
    body            text        NOT NULL,
    received_at     timestamptz NOT NULL DEFAULT now(),
    forwarded_at    timestamptz,
    platform_refusal text
);
CREATE INDEX unit_events_outbox ON unit_events (seq) WHERE forwarded_at IS NULL;
CREATE INDEX unit_events_code ON unit_events (code);

-- Daily quantities of the stations, forwarded to the platform (a later report replaces).
CREATE TABLE daily_quantities (
    product_id   text        NOT NULL,
    day          date        NOT NULL,
    source       text        NOT NULL,
    quantity     bigint      NOT NULL,
    exact        boolean     NOT NULL,
    station_id   text        NOT NULL,
    updated_at   timestamptz NOT NULL DEFAULT now(),
    forwarded_at timestamptz,
    PRIMARY KEY (product_id, day, source)
);

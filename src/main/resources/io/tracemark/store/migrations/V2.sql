-- V2: product master data (guideline 5.3.3) and what a job is about.

CREATE TABLE producers (
    id               TEXT PRIMARY KEY,
    name             TEXT NOT NULL,
    uscc             TEXT NOT NULL,
    address          TEXT NOT NULL,
    contact          TEXT NOT NULL,
    business_licence TEXT NOT NULL
);

CREATE TABLE products (
    id                 TEXT PRIMARY KEY,
    producer_id        TEXT NOT NULL REFERENCES producers(id),
    name               TEXT NOT NULL,
    type               TEXT NOT NULL,
    specification      TEXT NOT NULL,
    mandatory_standard TEXT NOT NULL,
    inspection_report  TEXT NOT NULL,
    licence_number     TEXT NOT NULL DEFAULT '',
    warranty           TEXT NOT NULL DEFAULT '',
    instructions       TEXT NOT NULL DEFAULT '',
    gtin               TEXT NOT NULL DEFAULT ''
);

CREATE TABLE job_details (
    job_id          TEXT PRIMARY KEY REFERENCES jobs(id),
    product_id      TEXT NOT NULL REFERENCES products(id),
    batch           TEXT NOT NULL,
    production_date TEXT NOT NULL,
    expiry_date     TEXT,
    scheme          TEXT NOT NULL,
    template        TEXT NOT NULL,
    printer         TEXT NOT NULL,
    scanner         TEXT NOT NULL,
    minimum_grade   TEXT NOT NULL,
    started_by      TEXT NOT NULL
);

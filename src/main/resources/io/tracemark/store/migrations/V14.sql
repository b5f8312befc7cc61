-- V12: aggregation (组合多码 parent/child, guideline 5.2.2), written by io.tracemark.pack.
-- sscc_ranges: serial references the site may use for SSCCs (extension digit + GS1 company prefix +
--   serial reference + check digit); next_serial only grows, ranges never overlap, so an SSCC is
--   never issued twice.
-- parents: a case (units inside) or a pallet (cases on it) with its SSCC. state OPEN (taking
--   children), CLOSED (label due or printed), SHIPPED, UNPACKED (dissolved; its SSCC is not reused),
--   VOIDED (its label was rejected; the children moved to a new parent). pallet_id: the pallet a case
--   is on. label_state: null, SENT, VERIFIED or REJECTED (the case label's print and camera check).
-- pack_links: the unit each case holds now; unit_id is the key, so no unit is in two cases.
-- pack_events: every link, unlink and parent change, written in the transaction of the change
--   (write-ahead: before the label is printed or the case moves on), with time, job and user.

CREATE TABLE sscc_ranges (
    id              INTEGER PRIMARY KEY,
    company_prefix  TEXT    NOT NULL,
    extension_digit INTEGER NOT NULL CHECK (extension_digit BETWEEN 0 AND 9),
    first_serial    INTEGER NOT NULL,
    last_serial     INTEGER NOT NULL,
    next_serial     INTEGER NOT NULL,
    source          TEXT    NOT NULL,
    created_at      INTEGER NOT NULL,
    created_by      TEXT    NOT NULL,
    CHECK (first_serial <= last_serial AND next_serial BETWEEN first_serial AND last_serial + 1)
);

CREATE TABLE parents (
    id          INTEGER PRIMARY KEY,
    sscc        TEXT    NOT NULL UNIQUE,
    kind        TEXT    NOT NULL CHECK (kind IN ('CASE', 'PALLET')),
    state       TEXT    NOT NULL CHECK (state IN ('OPEN', 'CLOSED', 'SHIPPED', 'UNPACKED', 'VOIDED')),
    capacity    INTEGER NOT NULL CHECK (capacity > 0),
    job_id      TEXT,
    product_id  TEXT,
    mix_jobs    INTEGER NOT NULL DEFAULT 0,
    pallet_id   INTEGER REFERENCES parents(id),
    label_state TEXT,
    created_at  INTEGER NOT NULL,
    created_by  TEXT    NOT NULL,
    closed_at   INTEGER,
    closed_by   TEXT
);
CREATE INDEX parents_on_pallet ON parents(pallet_id) WHERE pallet_id IS NOT NULL;
CREATE INDEX parents_open ON parents(kind) WHERE state = 'OPEN';

CREATE TABLE pack_links (
    unit_id   INTEGER PRIMARY KEY REFERENCES units(id),
    parent_id INTEGER NOT NULL REFERENCES parents(id),
    job_id    TEXT    NOT NULL,
    linked_at INTEGER NOT NULL
);
CREATE INDEX pack_links_by_parent ON pack_links(parent_id);
CREATE INDEX pack_links_by_job ON pack_links(job_id);

CREATE TABLE pack_events (
    id        INTEGER PRIMARY KEY,
    action    TEXT    NOT NULL,
    parent_id INTEGER NOT NULL REFERENCES parents(id),
    unit_id   INTEGER REFERENCES units(id),
    case_id   INTEGER REFERENCES parents(id),
    job_id    TEXT,
    actor     TEXT    NOT NULL,
    reason    TEXT,
    at        INTEGER NOT NULL
);
CREATE INDEX pack_events_by_parent ON pack_events(parent_id);

-- Shipments with flow information (guideline 5.3.3.4): buyer name, address and contact, sale time, order number.
-- shipment_items: what was scanned at dispatch (a pallet, a case or a loose unit), removable while the
--   shipment is OPEN; each parent or unit is in at most one shipment.
-- shipped_units: every unit that left with a CLOSED shipment (unit_id the key: a unit ships once).
CREATE TABLE shipments (
    id            INTEGER PRIMARY KEY,
    order_number  TEXT    NOT NULL UNIQUE,
    buyer_name    TEXT    NOT NULL,
    buyer_address TEXT    NOT NULL,
    buyer_contact TEXT    NOT NULL,
    sale_time     INTEGER NOT NULL,
    state         TEXT    NOT NULL CHECK (state IN ('OPEN', 'CLOSED')),
    created_at    INTEGER NOT NULL,
    created_by    TEXT    NOT NULL,
    closed_at     INTEGER,
    closed_by     TEXT
);

CREATE TABLE shipment_items (
    id          INTEGER PRIMARY KEY,
    shipment_id INTEGER NOT NULL REFERENCES shipments(id),
    parent_id   INTEGER UNIQUE REFERENCES parents(id),
    unit_id     INTEGER UNIQUE REFERENCES units(id),
    added_at    INTEGER NOT NULL,
    added_by    TEXT    NOT NULL,
    CHECK ((parent_id IS NULL) <> (unit_id IS NULL))
);
CREATE INDEX shipment_items_by_shipment ON shipment_items(shipment_id);

CREATE TABLE shipped_units (
    unit_id     INTEGER PRIMARY KEY REFERENCES units(id),
    shipment_id INTEGER NOT NULL REFERENCES shipments(id)
);
CREATE INDEX shipped_units_by_shipment ON shipped_units(shipment_id);

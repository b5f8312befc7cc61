-- Aggregation above the line, shipping and recall at the site (issue 19, with issue 16's rules).

-- The batch of each unit event (the station sends it in details.batch): recall by batch reads this.
ALTER TABLE unit_events ADD COLUMN batch text;
CREATE INDEX unit_events_batch ON unit_events (batch) WHERE batch IS NOT NULL;

-- Cases the stations closed, learnt from their unit.aggregated events (parent = the case's SSCC).
-- expected_units: the case's size as the station sent it (details.caseUnits), null when not sent.
CREATE TABLE site_cases (
    sscc           text PRIMARY KEY,
    station_id     text        NOT NULL,
    product_id     text,
    job_id         text,
    expected_units integer,
    first_seen_at  timestamptz NOT NULL DEFAULT now()
);
-- Each unit in the case its station last packed it into.
CREATE TABLE site_case_units (
    code       text PRIMARY KEY,
    case_sscc  text   NOT NULL REFERENCES site_cases (sscc),
    station_id text   NOT NULL,
    event_seq  bigint NOT NULL
);
CREATE INDEX site_case_units_case ON site_case_units (case_sscc);

-- The site's SSCC ranges (site.yaml sscc:); next_serial only grows, so an SSCC is issued once.
CREATE TABLE site_sscc_ranges (
    id              serial PRIMARY KEY,
    company_prefix  text        NOT NULL,
    extension_digit integer     NOT NULL,
    first_serial    bigint      NOT NULL,
    last_serial     bigint      NOT NULL,
    next_serial     bigint      NOT NULL,
    added_at        timestamptz NOT NULL DEFAULT now(),
    CHECK (next_serial BETWEEN first_serial AND last_serial + 1)
);

-- Pallets built at the site's palletiser: OPEN (cases go on), CLOSED (may ship), SHIPPED.
CREATE TABLE site_pallets (
    sscc       text PRIMARY KEY,
    state      text        NOT NULL CHECK (state IN ('OPEN', 'CLOSED', 'SHIPPED')),
    created_at timestamptz NOT NULL DEFAULT now(),
    created_by text        NOT NULL,
    closed_at  timestamptz,
    closed_by  text
);
-- A case is on one pallet at most (the primary key holds it across site processes).
CREATE TABLE site_pallet_cases (
    case_sscc   text PRIMARY KEY REFERENCES site_cases (sscc),
    pallet_sscc text        NOT NULL REFERENCES site_pallets (sscc),
    added_at    timestamptz NOT NULL DEFAULT now(),
    added_by    text        NOT NULL
);
CREATE INDEX site_pallet_cases_pallet ON site_pallet_cases (pallet_sscc);

-- Shipments with flow information (buyer, sale time, order). buyer_contact is confidential: it is
-- stored here and sent to the platform, never logged nor written to the audit trail.
CREATE TABLE site_shipments (
    order_number  text PRIMARY KEY,
    buyer_name    text        NOT NULL,
    buyer_address text        NOT NULL,
    buyer_contact text        NOT NULL,
    sale_time     timestamptz NOT NULL,
    state         text        NOT NULL CHECK (state IN ('OPEN', 'CLOSED')),
    created_at    timestamptz NOT NULL DEFAULT now(),
    created_by    text        NOT NULL,
    closed_at     timestamptz,
    closed_by     text
);
-- What a shipment dispatches: closed pallets and loose cases, each SSCC in one shipment at most.
CREATE TABLE site_shipment_items (
    sscc         text PRIMARY KEY,
    kind         text        NOT NULL CHECK (kind IN ('PALLET', 'CASE')),
    order_number text        NOT NULL REFERENCES site_shipments (order_number),
    added_at     timestamptz NOT NULL DEFAULT now(),
    added_by     text        NOT NULL
);
CREATE INDEX site_shipment_items_order ON site_shipment_items (order_number);

-- Who did what at the site's warehouse, never changed once written.
CREATE TABLE site_audit (
    id     bigserial PRIMARY KEY,
    at     timestamptz NOT NULL DEFAULT now(),
    actor  text        NOT NULL,
    action text        NOT NULL,
    detail text        NOT NULL
);

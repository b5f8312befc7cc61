-- V17: 组合多码 component codes (guideline 5.2.2: two or more
-- differently coded products sold as one), written by io.tracemark.master and io.tracemark.pack.
-- product_component_roles: a product defined as a set of component roles (an e-bike: frame, battery, charger),
--   each accepting codes of a scheme (an outside part's code, e.g. the battery maker's GS1 code) and/or
--   units of a product made at this station (the component's own code in the ledger, VERIFIED).
-- component_links: the component code each role of a product unit holds now; component_code is the key, so a
--   component is in one product only, and (unit_id, role) is unique, so a role is filled once.
-- component_events: every link, unlink and replace, written in the transaction of the change, with time,
--   job, user and (for unlink and replace) the reason.

CREATE TABLE product_component_roles (
    product_id        TEXT    NOT NULL REFERENCES products(id),
    role              TEXT    NOT NULL,
    name              TEXT    NOT NULL,
    scheme            TEXT,
    component_product TEXT,
    position          INTEGER NOT NULL,
    PRIMARY KEY (product_id, role),
    CHECK (scheme IS NOT NULL OR component_product IS NOT NULL)
);

CREATE TABLE component_links (
    component_code TEXT    PRIMARY KEY,
    unit_id        INTEGER NOT NULL REFERENCES units(id),
    role           TEXT    NOT NULL,
    job_id         TEXT    NOT NULL,
    linked_at      INTEGER NOT NULL,
    linked_by      TEXT    NOT NULL,
    UNIQUE (unit_id, role)
);

CREATE TABLE component_events (
    id             INTEGER PRIMARY KEY,
    action         TEXT    NOT NULL CHECK (action IN ('LINK', 'UNLINK')),
    unit_id        INTEGER NOT NULL REFERENCES units(id),
    role           TEXT    NOT NULL,
    component_code TEXT    NOT NULL,
    job_id         TEXT    NOT NULL,
    actor          TEXT    NOT NULL,
    reason         TEXT,
    at             INTEGER NOT NULL
);
CREATE INDEX component_events_by_unit ON component_events(unit_id);

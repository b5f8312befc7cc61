-- V13: product recipes. A recipe is what a job of one product is set up with on this line (template,
-- printer, scanner, code scheme, minimum grade, units per case), chosen on the panel with one tap;
-- the job form is then prefilled from it. Empty text means "the product's or the station's default".
CREATE TABLE recipes (
    id            TEXT PRIMARY KEY,
    name          TEXT NOT NULL,
    product_id    TEXT NOT NULL,
    template      TEXT,
    printer       TEXT,
    scanner       TEXT,
    scheme        TEXT,
    minimum_grade TEXT,
    case_size     INTEGER,
    trace_level   TEXT,
    updated_by    TEXT NOT NULL,
    updated_at    INTEGER NOT NULL
);

-- V16: recall (guideline 6.4), written by io.tracemark.pack.Recalls.
-- A recall by batch or by a product's production days starts from the job's details, then reaches the units
-- through UNIQUE (job_id, seq), their cases through pack_links' key and their shipments through shipped_units'
-- key: these two indexes keep the start from scanning job_details (RecallPlanTest reads the plans).
CREATE INDEX job_details_by_batch ON job_details(batch);
CREATE INDEX job_details_by_product_day ON job_details(product_id, production_date);

-- recall_notices: a recall the station recorded and announced (a RECALLED event per verified unit in the
--   outbox, appended in the same transaction): what it started from, the reason consumers are told, the units
--   it covered and the events queued, who recorded it, when.
CREATE TABLE recall_notices (
    id         INTEGER PRIMARY KEY,
    selector   TEXT    NOT NULL,
    reason     TEXT    NOT NULL,
    units      INTEGER NOT NULL,
    events     INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    created_by TEXT    NOT NULL
);

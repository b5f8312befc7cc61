-- V9: anti-counterfeit alerts the platform reported (guideline 6.5), kept until a person has seen
-- them, and where a USCC confirmation was made.
-- platform_scan_alerts: one row per code the platform raised an alert for (never issued, or
--   scanned unusually often), with the platform that sent it and its latest sequence number there
--   (the station pulls after the highest one it holds from that platform, so a new platform starts
--   from 0) and who acknowledged it at the panel, when.
-- uscc_confirmations.confirmed_on: null when a person confirmed the code at this station; the
--   platform's name when the confirmation came with the platform's master data.

CREATE TABLE platform_scan_alerts (
    code            TEXT    PRIMARY KEY,
    platform        TEXT    NOT NULL,
    sequence        INTEGER NOT NULL,
    product_id      TEXT,
    reason          TEXT    NOT NULL,
    scans           INTEGER NOT NULL,
    first_scan_at   INTEGER NOT NULL,
    last_scan_at    INTEGER NOT NULL,
    received_at     INTEGER NOT NULL,
    acknowledged_by TEXT,
    acknowledged_at INTEGER
);

ALTER TABLE uscc_confirmations ADD COLUMN confirmed_on TEXT;

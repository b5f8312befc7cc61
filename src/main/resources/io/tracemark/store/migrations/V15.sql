-- V15: the camera's code box and the trends' index.
-- scanner_code_boxes: the region of interest a supervisor drew on a live frame of a scanner's camera
--   (frame pixels, frame size it was drawn on), used by the decoder to crop; one row per scanner,
--   replaced on every change, each change audited in the same transaction.
-- units_by_verdict_at: per-minute trend buckets read the verdicts of a shift by time.

CREATE TABLE scanner_code_boxes (
    scanner      TEXT    PRIMARY KEY,
    x            INTEGER NOT NULL CHECK (x >= 0),
    y            INTEGER NOT NULL CHECK (y >= 0),
    width        INTEGER NOT NULL CHECK (width > 0),
    height       INTEGER NOT NULL CHECK (height > 0),
    frame_width  INTEGER NOT NULL CHECK (frame_width > 0),
    frame_height INTEGER NOT NULL CHECK (frame_height > 0),
    set_by       TEXT    NOT NULL,
    set_at       INTEGER NOT NULL
);

-- covering (state, reason): the buckets are counted from the index alone
CREATE INDEX units_by_verdict_at ON units(verdict_at, state, reason) WHERE verdict_at IS NOT NULL;

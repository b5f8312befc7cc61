-- V10: the PLC's own reject counter beside the station's count of gate fires, per job and gate, so that
-- the job's accounting can compare what the station commanded with what the PLC says it did.
-- plc_start / plc_end: the PLC counter register when the job's window opened / closed (null: not read);
-- station_fires: fires the station commanded (the PLC acknowledged the coil write) inside the window;
-- end_error: why the counter could not be read at the end.

CREATE TABLE job_gate_counts (
    job_id        TEXT    NOT NULL,
    gate          TEXT    NOT NULL,
    plc_start     INTEGER,
    station_fires INTEGER NOT NULL DEFAULT 0,
    plc_end       INTEGER,
    end_error     TEXT,
    ended_at      INTEGER,
    PRIMARY KEY (job_id, gate)
);

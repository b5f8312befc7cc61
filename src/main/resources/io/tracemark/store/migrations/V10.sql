-- V10: the PLC's own reject counter beside the station's count of gate fires, per job and gate, so that
-- the job's accounting can compare what the station commanded with what the PLC says it did.
-- A job's window on a gate opens when the job comes on the line and closes when another job does or the
-- job ends; it may open again (a suspended job resumed). plc_start: the counter when the open segment
-- began (null: no segment open); plc_counted: the counter's increase over the closed segments (mod 65536
-- each); plc_unknown: 1 when some segment's reading could not be taken; station_fires: fires the station
-- commanded (the PLC acknowledged the coil write) while the window was open; end_error: why the counter
-- could not be read at the end; ended_at: when the job's window closed for good.

CREATE TABLE job_gate_counts (
    job_id        TEXT    NOT NULL,
    gate          TEXT    NOT NULL,
    plc_start     INTEGER,
    plc_counted   INTEGER NOT NULL DEFAULT 0,
    plc_unknown   INTEGER NOT NULL DEFAULT 0,
    station_fires INTEGER NOT NULL DEFAULT 0,
    end_error     TEXT,
    ended_at      INTEGER,
    PRIMARY KEY (job_id, gate)
);

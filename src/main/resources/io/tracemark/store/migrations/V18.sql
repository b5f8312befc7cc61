-- V18: retention. Finished jobs whose month of end is older than the
-- station's retention age move into monthly archive files (io.tracemark.records.archive).
-- archives: every archive file the live database has handed rows to, written in the same transaction
--   that deletes those rows (a file not listed here is left over from a move that never committed:
--   its rows are still live). month: the month of the jobs' end (yyyy-MM, UTC); sha256 and bytes of the
--   read-only file; counts of what it holds; deleted_*: the explicit admin deletion after three years.
-- jobs.archived_in: the archive holding the job's units and transitions (null: live). The jobs and codes
--   rows stay live: a code is never imported twice (codes.code is UNIQUE) and job ids stay taken.
-- jobs.archived_last_seq: the job's last unit sequence number, for the witness comparison.
CREATE TABLE archives (
    name          TEXT    PRIMARY KEY,
    month         TEXT    NOT NULL,
    sha256        TEXT    NOT NULL,
    bytes         INTEGER NOT NULL,
    jobs          INTEGER NOT NULL,
    units         INTEGER NOT NULL,
    transitions   INTEGER NOT NULL,
    archived_at   INTEGER NOT NULL,
    deleted_at    INTEGER,
    deleted_by    TEXT,
    delete_reason TEXT
);
ALTER TABLE jobs ADD COLUMN archived_in TEXT;
ALTER TABLE jobs ADD COLUMN archived_last_seq INTEGER;

-- A job can be suspended: it stays OPEN with its codes ALLOCATED, is listed, and can be resumed later;
-- a new job can start while it is suspended (and not while any other job is OPEN).
ALTER TABLE job_details ADD COLUMN suspended_at TEXT;
ALTER TABLE job_details ADD COLUMN suspended_by TEXT;

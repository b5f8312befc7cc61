-- V4: cheaper ledger writes. Every index a transition touches costs page writes at each commit;
-- indexes keyed by job are the expensive ones (each open job dirties its own pages). These are
-- replaced by partial indexes that hold only the rows their queries look for, so SENT and verdict
-- transitions no longer touch them:
-- * codes still ALLOCATED to a job (release at job end, the in-flight count);
-- * units still SENT without verdict (in-flight lists, void-in-flight), in send order;
-- * transitions that allocate to or release from a job (the accounting's allocated and released).
-- Per-job unit counts now read the units of the job through UNIQUE (job_id, seq).

DROP INDEX codes_by_job;
CREATE INDEX codes_allocated_by_job ON codes(job_id) WHERE state = 'ALLOCATED';

DROP INDEX units_by_job_state;
CREATE INDEX units_in_flight ON units(job_id, seq) WHERE state = 'SENT';

DROP INDEX transitions_by_job;
CREATE INDEX transitions_allocated ON transitions(job_id) WHERE to_state = 'ALLOCATED';
CREATE INDEX transitions_released ON transitions(job_id) WHERE from_state = 'ALLOCATED' AND to_state = 'AVAILABLE';

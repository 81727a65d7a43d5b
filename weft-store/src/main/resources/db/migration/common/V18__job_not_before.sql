-- A job may be held back until a time (a delayed job, a retry's backoff): epoch milliseconds, null
-- when it may run at once. Its tasks are queued at that time (their submitted_at).
ALTER TABLE weft_job ADD COLUMN not_before BIGINT;

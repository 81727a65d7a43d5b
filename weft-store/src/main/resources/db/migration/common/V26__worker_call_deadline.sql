-- A worker service's limit on a whole call (behaviour.worker.timeout): the time by which the call
-- must have completed, whatever its leases and retries; NULL: no limit. The engine's lease loop
-- fails calls still waiting or leased past it (a timeout), found through this index.
ALTER TABLE weft_worker_call ADD COLUMN deadline_at BIGINT;
CREATE INDEX weft_worker_call_deadline ON weft_worker_call (status, deadline_at);

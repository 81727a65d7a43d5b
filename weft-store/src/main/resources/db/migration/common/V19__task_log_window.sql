-- Task output keeps the newest bytes of each stream (a window that moves on as the task writes)
-- instead of the first ones: first_offset is the lowest byte offset still stored.
ALTER TABLE weft_task_log ADD COLUMN first_offset BIGINT DEFAULT 0 NOT NULL;

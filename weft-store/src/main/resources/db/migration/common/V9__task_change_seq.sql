-- A change sequence on tasks: an insert and every write that bumps a task's version take the next
-- value, so the scheduler reads only the tasks changed since its last round (TaskStore.changedSince).
-- Values are taken when a statement runs, not when its transaction commits: a reader can see a
-- higher value before a lower one, which is why it reads again a margin below what it has seen.
-- The agent's hand-out (sent_at) leaves both version and change_seq as they are.
CREATE SEQUENCE weft_task_change_seq;
ALTER TABLE weft_task ADD COLUMN change_seq BIGINT DEFAULT nextval('weft_task_change_seq') NOT NULL;
CREATE INDEX weft_task_change ON weft_task (change_seq);

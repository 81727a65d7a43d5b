-- Following task changes: an insert and every write that bumps a task's version take the next
-- change_seq and (on PostgreSQL) record the writing transaction's id in change_xid, so the
-- scheduler reads only the tasks changed since its last round (TaskStore.changedSince). The agent's
-- hand-out (sent_at) leaves version, change_seq and change_xid as they are. Values are taken when a
-- statement runs, not when its transaction commits, so a later read can find a lower number: on
-- PostgreSQL a reader asks for every row written by a transaction not finished when it last read
-- (change_xid at or above that read's snapshot xmin); on H2 (change_xid null) it reads again a
-- margin below the highest change_seq it has seen.
CREATE SEQUENCE weft_task_change_seq;
ALTER TABLE weft_task ADD COLUMN change_seq BIGINT DEFAULT nextval('weft_task_change_seq') NOT NULL;
ALTER TABLE weft_task ADD COLUMN change_xid BIGINT;
CREATE INDEX weft_task_change ON weft_task (change_seq);
CREATE INDEX weft_task_change_xid ON weft_task (change_xid);

-- The node each earlier attempt of a task was placed on, written when the attempt is queued again
-- (REQUEUE clears the task's node_id). The log intake checks an earlier attempt's output against it:
-- only the node that ran the attempt may ship it. One row per requeue, none for the tasks that never
-- are, so the common path writes nothing more.
CREATE TABLE weft_task_attempt (
  task_id      VARCHAR(200) NOT NULL,
  attempt      INTEGER      NOT NULL,
  node_id      VARCHAR(200) NOT NULL,
  requeued_at  BIGINT       NOT NULL,
  PRIMARY KEY (task_id, attempt)
);

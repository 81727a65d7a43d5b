-- Task output shipped by agents: per task attempt and stream, the bytes kept (the first
-- bytes up to the server's limit, stored as chunks keyed by their byte offset) and a summary
-- row (how much was kept, how much the task wrote, whether the agent's final piece arrived).
-- The summary row is also the lock that serialises appends to one stream.
CREATE TABLE weft_task_log (
  task_id     VARCHAR(200) NOT NULL,
  attempt     INTEGER      NOT NULL,
  stream      VARCHAR(10)  NOT NULL,
  kept        BIGINT       NOT NULL,
  written     BIGINT       NOT NULL,
  dropped     BIGINT       NOT NULL,
  ended       BOOLEAN      NOT NULL,
  updated_at  BIGINT       NOT NULL,
  PRIMARY KEY (task_id, attempt, stream)
);

CREATE TABLE weft_task_log_chunk (
  task_id      VARCHAR(200) NOT NULL,
  attempt      INTEGER      NOT NULL,
  stream       VARCHAR(10)  NOT NULL,
  byte_offset  BIGINT       NOT NULL,
  length       INTEGER      NOT NULL,
  data         BYTEA        NOT NULL,
  PRIMARY KEY (task_id, attempt, stream, byte_offset)
);

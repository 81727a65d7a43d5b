-- Services (kind: service documents), versioned like workflow definitions: each distinct
-- version of a name gets the next revision, and a stored version never changes.
CREATE TABLE weft_service (
  name        VARCHAR(200) NOT NULL,
  revision    INTEGER      NOT NULL,
  version     VARCHAR(100) NOT NULL,
  body        TEXT         NOT NULL,
  stored_at   BIGINT       NOT NULL,
  PRIMARY KEY (name, revision),
  UNIQUE (name, version)
);

-- The task a workflow command became (a run: shell step, a call of a process service), kept
-- until the task's outcome has been delivered to the instance as the command's result.
CREATE TABLE weft_command_task (
  command_id    VARCHAR(400) PRIMARY KEY,
  decision_id   VARCHAR(400) NOT NULL,
  instance_id   VARCHAR(100) NOT NULL,
  task_id       VARCHAR(200) NOT NULL,
  service       VARCHAR(320),
  submitted_at  BIGINT       NOT NULL,
  delivered_at  BIGINT
);
CREATE INDEX weft_command_task_open ON weft_command_task (delivered_at, submitted_at);
CREATE INDEX weft_command_task_instance ON weft_command_task (instance_id);
CREATE INDEX weft_command_task_task ON weft_command_task (task_id);

-- The tails of what one attempt of a task printed, as its agent reported them when it ended.
CREATE TABLE weft_task_output (
  task_id   VARCHAR(200) NOT NULL,
  attempt   INTEGER      NOT NULL,
  stdout    TEXT,
  stderr    TEXT,
  PRIMARY KEY (task_id, attempt)
);

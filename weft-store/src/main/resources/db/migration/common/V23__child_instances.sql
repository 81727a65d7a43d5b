-- The child instance a workflow command started (run: workflow in a server's engine), kept until
-- the child's outcome has been delivered to the parent as the command's result. depth is how deep
-- the child is nested (1: started by a top-level instance).
CREATE TABLE weft_child_instance (
  command_id    VARCHAR(400) PRIMARY KEY,
  decision_id   VARCHAR(400) NOT NULL,
  parent_id     VARCHAR(100) NOT NULL,
  child_id      VARCHAR(100) NOT NULL UNIQUE,
  depth         INTEGER      NOT NULL,
  started_at    BIGINT       NOT NULL,
  delivered_at  BIGINT
);
CREATE INDEX weft_child_instance_open ON weft_child_instance (delivered_at, started_at);
CREATE INDEX weft_child_instance_parent ON weft_child_instance (parent_id);

-- Jobs, their tasks, the nodes that run them, the queue tree, run-time history and the
-- scheduler lease. Same conventions as V1: JSON as TEXT, times as BIGINT epoch milliseconds.
CREATE TABLE weft_job (
  id            VARCHAR(100) PRIMARY KEY,
  name          VARCHAR(200) NOT NULL,
  kind          VARCHAR(20)  NOT NULL,
  submitted_at  BIGINT       NOT NULL
);

CREATE TABLE weft_task (
  id            VARCHAR(200) PRIMARY KEY,
  job_id        VARCHAR(100) NOT NULL REFERENCES weft_job (id),
  name          VARCHAR(200) NOT NULL,
  spec          TEXT         NOT NULL,
  queue         VARCHAR(200) NOT NULL,
  priority      INTEGER      NOT NULL,
  status        VARCHAR(20)  NOT NULL,
  attempt       INTEGER      NOT NULL,
  node_id       VARCHAR(200),
  version       BIGINT       NOT NULL,
  submitted_at  BIGINT       NOT NULL,
  placed_at     BIGINT,
  sent_at       BIGINT,
  started_at    BIGINT,
  finished_at   BIGINT,
  exit_code     INTEGER,
  message       TEXT
);
CREATE INDEX weft_task_status ON weft_task (status, submitted_at);
CREATE INDEX weft_task_node ON weft_task (node_id, status);
CREATE INDEX weft_task_job ON weft_task (job_id);

CREATE TABLE weft_node (
  id              VARCHAR(200) PRIMARY KEY,
  topology        VARCHAR(600) NOT NULL,
  capacity        TEXT         NOT NULL,
  labels          TEXT         NOT NULL,
  taints          TEXT         NOT NULL,
  state           VARCHAR(20)  NOT NULL,
  last_heartbeat  BIGINT       NOT NULL,
  version         BIGINT       NOT NULL,
  registered_at   BIGINT       NOT NULL
);

CREATE TABLE weft_queue_tree (
  id          INTEGER PRIMARY KEY,
  tree        TEXT    NOT NULL,
  version     BIGINT  NOT NULL,
  updated_at  BIGINT  NOT NULL
);

CREATE TABLE weft_runtime (
  task_id      VARCHAR(200) NOT NULL,
  attempt      INTEGER      NOT NULL,
  name         VARCHAR(200) NOT NULL,
  duration_ms  BIGINT       NOT NULL,
  finished_at  BIGINT       NOT NULL,
  PRIMARY KEY (task_id, attempt)
);
CREATE INDEX weft_runtime_name ON weft_runtime (name, finished_at);

CREATE TABLE weft_lease (
  name        VARCHAR(100) PRIMARY KEY,
  holder      VARCHAR(200) NOT NULL,
  epoch       BIGINT       NOT NULL,
  expires_at  BIGINT       NOT NULL
);

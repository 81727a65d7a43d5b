-- One schema for H2 (MODE=PostgreSQL) and PostgreSQL. JSON is kept as text so the same
-- SQL serves both; times are epoch milliseconds so the caller's clock is the only clock.
CREATE TABLE weft_definition (
  name        VARCHAR(200) NOT NULL,
  version     INTEGER      NOT NULL,
  body        TEXT         NOT NULL,
  stored_at   BIGINT       NOT NULL,
  PRIMARY KEY (name, version)
);

CREATE TABLE weft_instance (
  id                 VARCHAR(100) PRIMARY KEY,
  idempotency_key    VARCHAR(200) NOT NULL UNIQUE,
  definition_name    VARCHAR(200) NOT NULL,
  definition_version INTEGER      NOT NULL,
  status             VARCHAR(20)  NOT NULL,
  snapshot           TEXT         NOT NULL,
  version            BIGINT       NOT NULL,
  lease_owner        VARCHAR(200),
  lease_until        BIGINT,
  created_at         BIGINT       NOT NULL,
  updated_at         BIGINT       NOT NULL
);
CREATE INDEX weft_instance_status ON weft_instance (status, lease_until);
CREATE INDEX weft_instance_definition ON weft_instance (definition_name, definition_version);

CREATE TABLE weft_event (
  instance_id  VARCHAR(100) NOT NULL REFERENCES weft_instance (id),
  seq          BIGINT       NOT NULL,
  type         VARCHAR(100) NOT NULL,
  payload      TEXT         NOT NULL,
  recorded_at  BIGINT       NOT NULL,
  PRIMARY KEY (instance_id, seq)
);

CREATE TABLE weft_command (
  id           VARCHAR(400) PRIMARY KEY,
  instance_id  VARCHAR(100) NOT NULL REFERENCES weft_instance (id),
  type         VARCHAR(100) NOT NULL,
  payload      TEXT         NOT NULL,
  created_at   BIGINT       NOT NULL,
  done_at      BIGINT,
  lease_owner  VARCHAR(200),
  lease_until  BIGINT
);
CREATE INDEX weft_command_pending ON weft_command (done_at, created_at);

CREATE TABLE weft_timer (
  id           VARCHAR(400) PRIMARY KEY,
  instance_id  VARCHAR(100) NOT NULL REFERENCES weft_instance (id),
  due_at       BIGINT       NOT NULL,
  payload      TEXT         NOT NULL,
  fired_at     BIGINT
);
CREATE INDEX weft_timer_due ON weft_timer (fired_at, due_at);

-- Services whose contract limits the rate their calls start at (contract.rateLimit): per service
-- name, the earliest time (BIGINT epoch milliseconds) the next call may start. Locked (FOR UPDATE)
-- by whoever reserves a start, so servers sharing the database hand out distinct times.
CREATE TABLE weft_service_rate (
  service      VARCHAR(100) PRIMARY KEY,
  next_start   BIGINT       NOT NULL
);
-- The start each call of such a service was given, keyed by its outbox entry's id, so a call
-- carried out again (after a crash or its wait) keeps its time; forgotten an hour after it.
CREATE TABLE weft_service_start (
  command_id   VARCHAR(400) PRIMARY KEY,
  service      VARCHAR(100) NOT NULL,
  start_at     BIGINT       NOT NULL
);
CREATE INDEX weft_service_start_at ON weft_service_start (start_at);

-- The calls of services with a worker behaviour, one per outbox entry (id = the entry's id):
-- waiting on a queue, leased to an external worker that polls it, or ended. decision_id is the
-- decider's command id the result must carry; service_key the name@version called; input the
-- call's input (JSON text, a workflow's secrets masked); attempt counts the leases. Times are
-- BIGINT epoch milliseconds: lease_until while LEASED, available_at (a retry's delay puts it in
-- the future), ended_at once COMPLETED, FAILED or CANCELLED.
CREATE TABLE weft_worker_call (
  id            VARCHAR(400) PRIMARY KEY,
  decision_id   VARCHAR(400) NOT NULL,
  instance_id   VARCHAR(100) NOT NULL,
  queue         VARCHAR(200) NOT NULL,
  service_key   VARCHAR(400) NOT NULL,
  input         TEXT         NOT NULL,
  status        VARCHAR(20)  NOT NULL,
  attempt       INTEGER      NOT NULL,
  worker        VARCHAR(200),
  lease_until   BIGINT,
  available_at  BIGINT       NOT NULL,
  created_at    BIGINT       NOT NULL,
  ended_at      BIGINT
);
-- lease: the waiting calls of a queue, oldest first
CREATE INDEX weft_worker_call_queue ON weft_worker_call (queue, status, created_at, id);
-- ofInstance, cancelOf
CREATE INDEX weft_worker_call_instance ON weft_worker_call (instance_id);
-- expired: leased calls by lease end
CREATE INDEX weft_worker_call_lease ON weft_worker_call (status, lease_until);

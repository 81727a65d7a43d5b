-- Calls of services whose contract limits their concurrency (contract.concurrency): one row per
-- call, keyed by its outbox entry's id, while it holds one of its service's slots (HELD) or waits
-- for one (WAITING, its outbox entry parked until a slot is handed to it). service is the service's
-- name: every version of a service shares its slots. since: BIGINT epoch milliseconds of the
-- row's last status.
CREATE TABLE weft_service_slot (
  command_id   VARCHAR(400) PRIMARY KEY,
  service      VARCHAR(100) NOT NULL,
  instance_id  VARCHAR(100) NOT NULL,
  status       VARCHAR(10)  NOT NULL,
  since        BIGINT       NOT NULL
);
-- counting a service's held slots, and its waiting calls oldest first
CREATE INDEX weft_service_slot_service ON weft_service_slot (service, status, since, command_id);
-- an instance's calls, given back when it ends
CREATE INDEX weft_service_slot_instance ON weft_service_slot (instance_id);
-- One row per service that has had a limited call: whoever counts or hands out its slots locks it
-- first (FOR UPDATE), so two servers never give out the same free slot.
CREATE TABLE weft_service_gate (
  service      VARCHAR(100) PRIMARY KEY
);

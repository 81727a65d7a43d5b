-- Fewer B-trees written per decision (each one an extra page path in every commit of H2's
-- copy-on-write store, and an extra index entry in PostgreSQL):

-- 1. The journal loses its foreign key: declared before the primary key, it made H2 keep a third
--    index on instance_id next to the primary key (instance_id, seq). Events are only ever
--    written by the store in the transaction that writes or locks their instance row.
CREATE TABLE weft_event_v10 (
  instance_id  VARCHAR(100) NOT NULL,
  seq          BIGINT       NOT NULL,
  type         VARCHAR(100) NOT NULL,
  payload      TEXT         NOT NULL,
  recorded_at  BIGINT       NOT NULL,
  PRIMARY KEY (instance_id, seq)
);
INSERT INTO weft_event_v10 (instance_id, seq, type, payload, recorded_at)
  SELECT instance_id, seq, type, payload, recorded_at FROM weft_event;
DROP TABLE weft_event;
ALTER TABLE weft_event_v10 RENAME TO weft_event;

-- 2. The head of the journal, the events of an instance's first decision (sequence numbers 1 to
--    head_event_count, recorded at created_at), is kept in the instance row as a JSON array of
--    {type, payload}, written with the row; later decisions' events go to weft_event from
--    head_event_count + 1. An instance that ends in its first decision writes one row.
ALTER TABLE weft_instance ADD COLUMN head_events TEXT;
ALTER TABLE weft_instance ADD COLUMN head_event_count INTEGER NOT NULL DEFAULT 0;

-- 3. The instances that are not finished (PENDING, RUNNING, SUSPENDED), by id, instead of an index
--    over the status of every instance ever run: an instance that ends in its first decision is
--    never in it; the others are added when created and removed in the decision that ends them.
CREATE TABLE weft_instance_active (
  id  VARCHAR(100) PRIMARY KEY
);
INSERT INTO weft_instance_active (id)
  SELECT id FROM weft_instance WHERE status IN ('PENDING', 'RUNNING', 'SUSPENDED');
DROP INDEX weft_instance_status;

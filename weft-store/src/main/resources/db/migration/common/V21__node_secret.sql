-- The SHA-256 digest (hex) of the secret the last join gave this node's agent: every later agent call
-- must carry that secret, so one agent cannot speak for another's node. Null until an agent joins
-- after this migration (such a node's agent is asked to join again).
ALTER TABLE weft_node ADD COLUMN secret_digest VARCHAR(64);

-- A child instance started by a call of a service with a workflow behaviour remembers which
-- service version it serves (name@version), so the child's output is checked against that
-- version's output contract when it is delivered. NULL for a run: workflow step's child.
ALTER TABLE weft_child_instance ADD COLUMN service_key VARCHAR(400);
-- Whether the child was suspended because its parent was: resuming the parent resumes exactly
-- those children (not one an operator suspended on its own).
ALTER TABLE weft_child_instance ADD COLUMN held_with_parent BOOLEAN NOT NULL DEFAULT FALSE;

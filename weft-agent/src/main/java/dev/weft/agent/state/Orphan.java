package dev.weft.agent.state;

import dev.weft.agent.exec.TaskOutcome;

/** A task an earlier agent left behind. */
public sealed interface Orphan {
  TaskRecord record();

  /** Its wrapper still runs: kill it, or adopt it. */
  record Alive(TaskRecord record) implements Orphan {}

  /** It ended while no agent watched; {@code outcome} is what its exit file and cgroup tell. */
  record Ended(TaskRecord record, TaskOutcome outcome) implements Orphan {}
}

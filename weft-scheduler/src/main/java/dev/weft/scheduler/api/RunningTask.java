package dev.weft.scheduler.api;

import dev.weft.model.TaskSpec;

/**
 * A task holding resources on a node. {@code startMillis} is when its current run began;
 * {@code doneMillis} is the work it had already done before (a suspended task resumed).
 */
public record RunningTask(TaskSpec spec, String nodeId, long startMillis, long doneMillis) {
  public RunningTask(TaskSpec spec, String nodeId, long startMillis) {
    this(spec, nodeId, startMillis, 0);
  }
}

package dev.weft.store;

import dev.weft.model.lifecycle.TaskEvent;

/**
 * One event applied to a task read at {@code expectedVersion}. {@code nodeId} is the node of a
 * {@code PLACE}; {@code exitCode} and {@code message} the outcome of a finish, or the reason of a
 * preemption, loss or cancellation.
 */
public record TaskChange(String taskId, long expectedVersion, TaskEvent event, String nodeId, Integer exitCode,
                         String message) {
  public TaskChange {
    if (event == TaskEvent.PLACE && (nodeId == null || nodeId.isBlank())) {
      throw new IllegalArgumentException("placing task " + taskId + " needs a node");
    }
  }

  public static TaskChange place(String taskId, long version, String nodeId) {
    return new TaskChange(taskId, version, TaskEvent.PLACE, nodeId, null, null);
  }

  public static TaskChange of(String taskId, long version, TaskEvent event, String reason) {
    return new TaskChange(taskId, version, event, null, null, reason);
  }

  public static TaskChange finish(String taskId, long version, int exitCode, String message) {
    return new TaskChange(taskId, version, exitCode == 0 ? TaskEvent.SUCCEED : TaskEvent.FAIL, null, exitCode,
        message);
  }
}

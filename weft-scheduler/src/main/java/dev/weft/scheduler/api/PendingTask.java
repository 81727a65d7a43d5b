package dev.weft.scheduler.api;

import dev.weft.model.TaskSpec;

/**
 * A task waiting to be placed. {@code doneMillis} is the work already done by earlier runs (kept
 * when the task was suspended, 0 after kill-and-requeue); {@code attempt} counts the runs so far.
 */
public record PendingTask(TaskSpec spec, long doneMillis, int attempt) {
  public static PendingTask of(TaskSpec spec) {
    return new PendingTask(spec, 0, 0);
  }

  public String id() {
    return spec.id();
  }
}

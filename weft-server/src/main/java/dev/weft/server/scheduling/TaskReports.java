package dev.weft.server.scheduling;

import dev.weft.model.lifecycle.TaskEvent;
import dev.weft.store.Database;
import dev.weft.store.NotFoundException;
import dev.weft.store.TaskChange;
import dev.weft.store.TaskRecord;
import java.time.Duration;
import java.time.Instant;

/**
 * What an agent reports about a task: started, finished. A success records its run time under the
 * task's name in the same transaction, which is what {@link RuntimeEstimator} learns from.
 */
public final class TaskReports {
  private final Database db;

  public TaskReports(Database db) {
    this.db = db;
  }

  public TaskRecord started(String taskId, Instant now) {
    return db.transactor().inTransaction(() -> db.tasks().apply(
        TaskChange.of(taskId, current(taskId).version(), TaskEvent.START, null), now));
  }

  /** Exit 0 is a success, any other code a failure with {@code message}. */
  public TaskRecord finished(String taskId, int exitCode, String message, Instant now) {
    return db.transactor().inTransaction(() -> {
      TaskRecord before = current(taskId);
      TaskRecord after = db.tasks().apply(TaskChange.finish(taskId, before.version(), exitCode, message), now);
      if (exitCode == 0 && before.startedAt() != null) {
        long ms = Duration.between(before.startedAt(), now).toMillis();
        db.runtimes().record(taskId, before.attempt(), before.name(), ms, now);
      }
      return after;
    });
  }

  private TaskRecord current(String taskId) {
    return db.tasks().find(taskId).orElseThrow(() -> new NotFoundException("task " + taskId));
  }
}

package dev.weft.store;

import dev.weft.model.lifecycle.TaskLifecycle;
import dev.weft.model.lifecycle.TaskState;
import java.time.Instant;

/**
 * What one event makes of a stored task, computed without the database: the record after the change
 * (version one up), as {@link TaskStore#apply} writes it. PLACE sets the node and placing time and
 * clears the hand-out; START sets the start time; finishing events set the finish time, exit code and
 * message; REQUEUE counts the attempt up and clears the node and run times.
 */
public final class TaskTransition {
  private TaskTransition() {
  }

  /**
   * @throws StaleVersionException when {@code before} is not at the change's expected version
   * @throws dev.weft.model.lifecycle.IllegalTaskTransitionException when the lifecycle forbids the event
   */
  public static TaskRecord after(TaskRecord before, TaskChange change, Instant now) {
    if (before.version() != change.expectedVersion()) {
      throw new StaleVersionException("task", before.id(), change.expectedVersion(), before.version());
    }
    TaskState to = TaskLifecycle.apply(before.id(), before.status(), change.event());
    TaskRecord b = before;
    long v = b.version() + 1;
    return switch (change.event()) {
      case PLACE -> new TaskRecord(b.id(), b.jobId(), b.name(), b.spec(), b.queue(), b.priority(), to, b.attempt(),
          change.nodeId(), v, b.submittedAt(), now, null, b.startedAt(), b.finishedAt(), b.exitCode(), b.message());
      case START -> new TaskRecord(b.id(), b.jobId(), b.name(), b.spec(), b.queue(), b.priority(), to, b.attempt(),
          b.nodeId(), v, b.submittedAt(), b.placedAt(), b.sentAt(), now, b.finishedAt(), b.exitCode(), b.message());
      case SUCCEED, FAIL, PREEMPT, LOSE, CANCEL -> new TaskRecord(b.id(), b.jobId(), b.name(), b.spec(), b.queue(),
          b.priority(), to, b.attempt(), b.nodeId(), v, b.submittedAt(), b.placedAt(), b.sentAt(), b.startedAt(), now,
          change.exitCode(), change.message());
      case SUSPEND, RESUME -> new TaskRecord(b.id(), b.jobId(), b.name(), b.spec(), b.queue(), b.priority(), to,
          b.attempt(), b.nodeId(), v, b.submittedAt(), b.placedAt(), b.sentAt(), b.startedAt(), b.finishedAt(),
          b.exitCode(), change.message());
      case REQUEUE -> new TaskRecord(b.id(), b.jobId(), b.name(), b.spec(), b.queue(), b.priority(), to,
          b.attempt() + 1, null, v, b.submittedAt(), null, null, null, null, null, b.message());
    };
  }
}

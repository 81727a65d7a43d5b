package dev.weft.model.lifecycle;

/** Where a scheduled task is in its life; see {@link TaskLifecycle} for the moves between them. */
public enum TaskState {
  /** Waiting for the scheduler. */
  PENDING,
  /** Assigned to a node by a plan, not yet reported started by its agent. */
  PLACED,
  /** Its agent reported it started. */
  RUNNING,
  SUCCEEDED,
  FAILED,
  /** Stopped by the scheduler to make room for another task; goes back to pending. */
  PREEMPTED,
  /** Its node went down while it was placed or running; goes back to pending. */
  LOST,
  CANCELLED;

  /** Whether a task in this state holds resources on its node. */
  public boolean holdsResources() {
    return this == PLACED || this == RUNNING;
  }

  /** No event moves a task out of a terminal state. */
  public boolean terminal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }
}

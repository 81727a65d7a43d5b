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
  /**
   * Stopped in place by the scheduler to make room (SIGSTOP or a cgroup freezer): it keeps its node,
   * memory, disk and GPUs but not its CPU, and resumes there when the CPU is free again.
   */
  SUSPENDED,
  /** Its node went down while it was placed or running; goes back to pending. */
  LOST,
  CANCELLED;

  /** Whether a task in this state holds resources on its node (a suspended one all but its CPU). */
  public boolean holdsResources() {
    return this == PLACED || this == RUNNING || this == SUSPENDED;
  }

  /** No event moves a task out of a terminal state. */
  public boolean terminal() {
    return this == SUCCEEDED || this == FAILED || this == CANCELLED;
  }
}

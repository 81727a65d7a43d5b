package dev.weft.store;

/**
 * Lifecycle of a workflow instance, as the store enforces it. The allowed moves are one
 * table ({@link #canMoveTo}); COMPLETED and CANCELLED have no way out, FAILED may go back to
 * RUNNING (retry from the failed step), SUSPENDED goes wherever the decision at its resume leads.
 */
public enum InstanceStatus {
  PENDING, RUNNING, SUSPENDED, COMPLETED, FAILED, CANCELLED;

  /** Whether a worker may claim an instance in this status. */
  public boolean runnable() {
    return this == PENDING || this == RUNNING;
  }

  public boolean terminal() {
    return this == COMPLETED || this == FAILED || this == CANCELLED;
  }

  /** The transition table. Staying in the same status is allowed for non-terminal statuses. */
  public boolean canMoveTo(InstanceStatus to) {
    return switch (this) {
      case PENDING -> true;
      case RUNNING -> to != PENDING;
      case SUSPENDED -> to != PENDING; // resumed, it may complete or fail in the same decision
      case FAILED -> to == RUNNING; // retry from the failed step
      case COMPLETED, CANCELLED -> false;
    };
  }
}

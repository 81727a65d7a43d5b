package dev.weft.model.lifecycle;

/** An event that the {@link TaskLifecycle} table does not allow in the task's current state. */
public final class IllegalTaskTransitionException extends IllegalStateException {
  private final TaskState from;
  private final TaskEvent event;

  public IllegalTaskTransitionException(String taskId, TaskState from, TaskEvent event) {
    super("task " + taskId + " is " + from + ": " + event + " is not allowed there (allowed: "
        + TaskLifecycle.eventsFrom(from) + ")");
    this.from = from;
    this.event = event;
  }

  public TaskState from() {
    return from;
  }

  public TaskEvent event() {
    return event;
  }
}

package dev.weft.agent.protocol;

import dev.weft.agent.exec.TaskStatus;

/** The task states an agent reports. */
public enum TaskState {
  RUNNING, SUSPENDED, RESUMED, REJECTED, SUCCEEDED, FAILED, OUT_OF_MEMORY, TIMED_OUT, KILLED;

  /** The state reporting how a task ended. */
  public static TaskState ended(TaskStatus status) {
    return switch (status) {
      case SUCCEEDED -> SUCCEEDED;
      case FAILED -> FAILED;
      case OUT_OF_MEMORY -> OUT_OF_MEMORY;
      case TIMED_OUT -> TIMED_OUT;
      case KILLED -> KILLED;
    };
  }

  /** Whether this change is a run's last: it ended (or never started). */
  public boolean isEnd() {
    return switch (this) {
      case RUNNING, SUSPENDED, RESUMED -> false;
      case REJECTED, SUCCEEDED, FAILED, OUT_OF_MEMORY, TIMED_OUT, KILLED -> true;
    };
  }
}

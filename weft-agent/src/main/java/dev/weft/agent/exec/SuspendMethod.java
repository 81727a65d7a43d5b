package dev.weft.agent.exec;

/** How a task was suspended. */
public enum SuspendMethod {
  /** The task's cgroup was frozen ({@code cgroup.freeze} or v1 {@code freezer.state}). */
  FREEZER,
  /** SIGSTOP was sent to the task's process group (SIGCONT resumes it). */
  SIGSTOP
}

package dev.weft.agent.exec;

/** How a task ended. */
public enum TaskStatus {
  /** Exited with status 0. */
  SUCCEEDED,
  /** Exited with another status, or its status was lost. */
  FAILED,
  /** Killed by the kernel for going over its memory limit, or failed to allocate under its memory rlimit. */
  OUT_OF_MEMORY,
  /** Ran past its timeout; its process group was killed. */
  TIMED_OUT,
  /** Killed on request (cancelled or preempted); its process group was killed. */
  KILLED
}

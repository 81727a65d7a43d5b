package dev.weft.agent.protocol;

/**
 * The tails of what a task printed, sent with the report of its end so the server can hand a
 * workflow the task's result (stdout) or the reason it failed (stderr). Separate from log
 * shipping: only the last bytes, once, at the end.
 */
@FunctionalInterface
public interface OutputTails {
  /** No tails (an agent that keeps no logs, or a test). */
  OutputTails NONE = taskId -> new Tails(null, null);

  /** The tails of the run {@code taskId}; either may be null. Must not throw. */
  Tails of(String taskId);

  /** The last part of stdout and of stderr. */
  record Tails(String stdout, String stderr) {}
}

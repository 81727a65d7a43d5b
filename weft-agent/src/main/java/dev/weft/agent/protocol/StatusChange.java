package dev.weft.agent.protocol;

import java.time.Instant;

/**
 * One change of a task's state on this agent, reported in batches.
 *
 * @param taskId the task
 * @param state the new state
 * @param exitCode the exit status when the task ended (null otherwise, or when lost)
 * @param detail one line for people: why it ended, why it was rejected, how it was suspended
 * @param at the agent's clock when the change happened
 * @param stdoutTail the end of what the task printed on stdout, with the report of its end (else null)
 * @param stderrTail the end of its stderr, likewise
 */
public record StatusChange(String taskId, TaskState state, Integer exitCode, String detail, Instant at,
                           String stdoutTail, String stderrTail) {
  /** A change without output tails. */
  public StatusChange(String taskId, TaskState state, Integer exitCode, String detail, Instant at) {
    this(taskId, state, exitCode, detail, at, null, null);
  }

  /** Roughly how many bytes the tails add to a report. */
  int tailBytes() {
    return (stdoutTail == null ? 0 : stdoutTail.length()) + (stderrTail == null ? 0 : stderrTail.length());
  }
}

package dev.weft.server.scheduling;

import dev.weft.model.TaskRun;

/**
 * The secrets inside tasks made from workflow steps. Such a task is stored with masks where its
 * command and environment hold secret values; only the run handed to an agent has the values,
 * and what agents send back is stored with the values hidden. Tasks submitted by users are
 * passed through unchanged.
 */
public interface TaskSecrets {
  /** A secret the task needs that this server's secret source does not have. */
  final class Unavailable extends Exception {
    public Unavailable(String message) {
      super(message);
    }
  }

  /**
   * The run the agent must start, with the values put back.
   *
   * @throws Unavailable when a secret it names is not in this server's source (the task then fails)
   */
  TaskRun reveal(String taskId, TaskRun run) throws Unavailable;

  /** An output tail as stored: the task's secret values masked, reversibly (the workflow gets them back with the result). */
  String maskTail(String taskId, String tail);

  /** A piece of a shipped log as stored: the task's secret values overwritten by {@code *}, same length. */
  byte[] hideInLog(String taskId, byte[] piece);

  TaskSecrets NONE = new TaskSecrets() {
    @Override
    public TaskRun reveal(String taskId, TaskRun run) {
      return run;
    }

    @Override
    public String maskTail(String taskId, String tail) {
      return tail;
    }

    @Override
    public byte[] hideInLog(String taskId, byte[] piece) {
      return piece;
    }
  };
}

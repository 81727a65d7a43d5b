package dev.weft.agent.exec;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * What the agent loop needs of an executor. Calls for a task the runner does not know are no-ops
 * that return false or empty, so a repeated server message is harmless.
 */
public interface TaskRunner {
  /**
   * Starts a task; the future completes with its outcome once it has ended and nothing of it runs.
   *
   * @throws TaskStartException when it cannot be started (bad working directory, fence failure); the
   *     message names the task and the cause
   */
  CompletableFuture<TaskOutcome> launch(TaskCommand command);

  /** Stops a task (SIGTERM to its group, SIGKILL after its grace); its outcome will be KILLED. */
  boolean kill(String taskId, String why);

  /** Suspends a running task; empty when unknown. */
  Optional<SuspendMethod> suspend(String taskId);

  /** Resumes a suspended task; false when unknown. */
  boolean resume(String taskId);

  /** The ids of the tasks that have not ended. */
  Set<String> running();

  /** The ids of the running tasks held suspended. */
  default Set<String> suspended() {
    return Set.of();
  }
}

package dev.weft.agent.protocol;

import dev.weft.agent.exec.TaskCommand;

/** What the server tells an agent to do with a task. */
public sealed interface Assignment {
  String taskId();

  /** Run a task. Starting a task that already runs here is ignored (a repeated message). */
  record Start(TaskCommand command) implements Assignment {
    @Override
    public String taskId() {
      return command.taskId();
    }
  }

  /** Kill a task's whole process group: cancelled, or preempted with kill-and-requeue. */
  record Kill(String taskId, String reason) implements Assignment {}

  /** Suspend a task (preemption by suspension): cgroup freezer or SIGSTOP. */
  record Suspend(String taskId) implements Assignment {}

  /** Resume a suspended task. */
  record Resume(String taskId) implements Assignment {}
}

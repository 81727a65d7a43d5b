package dev.weft.agent.exec;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The executors an agent carries inside itself ({@code run: {builtin: NAME}} in a task): no process,
 * no wrapper, no logs. Each must end at once (it runs on the agent loop's thread); a builtin that
 * waits or computes for long would need its own thread and kill support, which none needs yet.
 *
 * <ul>
 *   <li>{@code noop}: succeeds at once with exit code 0. For tasks that exist to be scheduled and
 *       tracked (smoke tests, measuring the control plane: {@code weft bench tasks}).</li>
 * </ul>
 */
public final class Builtins {
  private final Map<String, Function<TaskCommand, TaskOutcome>> byName;

  private Builtins(Map<String, Function<TaskCommand, TaskOutcome>> byName) {
    this.byName = new TreeMap<>(byName);
  }

  /** The builtins every agent has. */
  public static Builtins standard() {
    return new Builtins(Map.of("noop", cmd -> new TaskOutcome(cmd.taskId(), TaskStatus.SUCCEEDED, 0, "builtin noop")));
  }

  /**
   * Runs the builtin {@code cmd} names.
   *
   * @throws TaskStartException naming the task, the builtin and those this agent has, when it has no such builtin
   */
  public TaskOutcome run(TaskCommand cmd) {
    Function<TaskCommand, TaskOutcome> builtin = byName.get(cmd.builtin());
    if (builtin == null) {
      throw new TaskStartException("task " + cmd.taskId() + ": this agent has no builtin '" + cmd.builtin()
          + "' (it has: " + String.join(", ", byName.keySet()) + ")", null);
    }
    return builtin.apply(cmd);
  }
}

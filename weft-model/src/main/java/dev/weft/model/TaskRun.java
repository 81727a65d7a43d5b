package dev.weft.model;

import java.util.List;
import java.util.Map;

/**
 * What an agent runs for a task: a program and its arguments (a shell command is
 * {@code [sh, -c, COMMAND]}), variables added to the agent's environment, and how long it may run
 * (0 = no limit). The cpu and memory it may use are the task's {@link Resources}.
 */
public record TaskRun(List<String> argv, Map<String, String> env, long timeoutMillis) {
  public TaskRun {
    if (argv == null || argv.isEmpty()) {
      throw new IllegalArgumentException("run: argv must not be empty");
    }
    if (timeoutMillis < 0) {
      throw new IllegalArgumentException("run: timeout cannot be negative");
    }
    argv = List.copyOf(argv);
    env = env == null ? Map.of() : Map.copyOf(env);
  }

  /** {@code sh -c command}, no extra environment, no timeout. */
  public static TaskRun shell(String command) {
    return new TaskRun(List.of("sh", "-c", command), Map.of(), 0);
  }
}

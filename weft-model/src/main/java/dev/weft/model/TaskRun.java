package dev.weft.model;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What an agent runs for a task: either a program and its arguments (a shell command is
 * {@code [sh, -c, COMMAND]}), or one of the agent's builtin executors by name (run inside the agent,
 * no process: e.g. {@code noop}, which succeeds at once); variables added to the environment, and how
 * long it may run (0 = no limit), and what a program reads on its standard input (else nothing:
 * {@code /dev/null}). The cpu and memory it may use are the task's {@link Resources}.
 *
 * @param builtin the name of an agent builtin, or null for a program ({@code argv} is then empty)
 * @param stdin the text a program reads on its standard input, or null for none
 */
public record TaskRun(String builtin, List<String> argv, Map<String, String> env, long timeoutMillis, String stdin) {
  /** A builtin's name: lower-case letters, digits and '-', starting with a letter. */
  public static final Pattern BUILTIN_NAME = Pattern.compile("[a-z][a-z0-9-]{0,63}");

  public TaskRun {
    argv = argv == null ? List.of() : List.copyOf(argv);
    if (builtin == null && argv.isEmpty()) {
      throw new IllegalArgumentException("run: argv must not be empty");
    }
    if (builtin != null && !argv.isEmpty()) {
      throw new IllegalArgumentException("run: give either a builtin or argv, not both");
    }
    if (builtin != null && !BUILTIN_NAME.matcher(builtin).matches()) {
      throw new IllegalArgumentException("run: a builtin's name is lower-case letters, digits and '-', got '"
          + builtin + "'");
    }
    if (timeoutMillis < 0) {
      throw new IllegalArgumentException("run: timeout cannot be negative");
    }
    if (builtin != null && stdin != null) {
      throw new IllegalArgumentException("run: stdin is read by a program, not by the builtin '" + builtin + "'");
    }
    env = env == null ? Map.of() : Map.copyOf(env);
  }

  /** A builtin or a program, nothing on its standard input. */
  public TaskRun(String builtin, List<String> argv, Map<String, String> env, long timeoutMillis) {
    this(builtin, argv, env, timeoutMillis, null);
  }

  /** A program and its arguments. */
  public TaskRun(List<String> argv, Map<String, String> env, long timeoutMillis) {
    this(null, argv, env, timeoutMillis, null);
  }

  /** {@code sh -c command}, no extra environment, no timeout. */
  public static TaskRun shell(String command) {
    return new TaskRun(List.of("sh", "-c", command), Map.of(), 0);
  }

  /** The agent builtin {@code name}, no extra environment, no timeout. */
  public static TaskRun builtin(String name) {
    return new TaskRun(name, List.of(), Map.of(), 0);
  }

  public boolean isBuiltin() {
    return builtin != null;
  }

  /** The same run with {@code more} environment variables added (they win over the run's own). */
  public TaskRun withEnv(Map<String, String> more) {
    Map<String, String> all = new java.util.LinkedHashMap<>(env);
    all.putAll(more);
    return new TaskRun(builtin, argv, all, timeoutMillis, stdin);
  }

  /** The same run reading {@code text} on its standard input (null: nothing). */
  public TaskRun withStdin(String text) {
    return new TaskRun(builtin, argv, env, timeoutMillis, text);
  }
}
